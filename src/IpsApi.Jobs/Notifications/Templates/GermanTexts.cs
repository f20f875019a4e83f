namespace IpsApi.Jobs.Notifications.Templates;

internal static class GermanTexts
{
    public static EmailTexts DeDe { get; } = new()
    {
        Locale = "de-DE",
        SubjectStarted = "IPS-Job „{0}“ gestartet",
        SubjectEnded = "IPS-Job „{0}“ {1}",
        Greeting = "Hallo {0},",
        GreetingWithoutName = "Hallo,",
        IntroStarted = "Ihr IPS-Job „{0}“ wurde gestartet.",
        IntroEnded = "Ihr IPS-Job „{0}“ ist beendet. Ergebnis: {1}.",
        EndWillFollow = "Sie erhalten eine weitere Nachricht, sobald der Job beendet ist.",
        Succeeded = "erfolgreich abgeschlossen",
        Failed = "fehlgeschlagen",
        Stopped = "abgebrochen",
        CompletedWithErrors = "mit Fehlern abgeschlossen",
        LabelSeparator = ": ",
        JobName = "Jobname",
        OriginalName = "Eingereicht als",
        JobType = "Jobtyp",
        Company = "Firma",
        Instance = "Ausführung",
        Outcome = "Ergebnis",
        StartedAt = "Beginn",
        EndedAt = "Ende",
        TotalFiles = "Dateien insgesamt",
        FileSuccess = "Erfolgreich",
        FileError = "Fehler",
        FileWarning = "Warnungen",
        FileDuplicate = "Duplikate übersprungen",
        FileUpdate = "Aktualisiert",
        FatalError = "Ein schwerwiegender Fehler hat den Job beendet.",
        FirstErrors = "Die ersten Fehler:",
        MoreErrors = "…und {0} weitere. Das Job-Protokoll führt alle auf.",
        Footer = "Diese Nachricht wurde automatisch vom IPS-Jobserver gesendet. Bitte antworten Sie nicht darauf.",
    };
}
