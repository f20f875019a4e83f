namespace IpsApi.Jobs.Running.Messages;

internal static class GermanLogTexts
{
    public static IReadOnlyDictionary<string, string> DeDe { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LogKeys.RunStarted] = "{0} auf {1} gestartet",
        [LogKeys.RunEndedDone] = "{0} beendet: abgeschlossen",
        [LogKeys.RunEndedFailed] = "{0} beendet: fehlgeschlagen",
        [LogKeys.RunEndedStopped] = "{0} beendet: abgebrochen",
        [LogKeys.RunEndedPaused] = "{0} beendet: angehalten",
        [LogKeys.NoAppName] = "(kein appName angegeben)",
        [LogKeys.RunInterrupted] = "Die Ausführung wurde unterbrochen: Der Knoten {0} wurde während der Ausführung beendet. Der Job wurde neu gestartet.",
        [LogKeys.JobTypeNotSupported] = "Der Jobtyp {0} wird von diesem Server noch nicht unterstützt; es wurde nichts ausgeführt.",
        [LogKeys.RunStoppedByRequest] = "Die Ausführung wurde auf Anforderung abgebrochen.",
        [LogKeys.RunPausedByRequest] = "Die Ausführung wurde auf Anforderung angehalten.",
        [LogKeys.JobFailed] = "Der Job ist fehlgeschlagen: {0} (Fehler-ID {1}; Einzelheiten stehen im Serverprotokoll).",
        [LogKeys.Published] = "Veröffentlicht",
        [LogKeys.RemovedFromPublish] = "Entfernt: nicht mehr im Serververzeichnis",
        [LogKeys.NotPublished] = "Nicht veröffentlicht: {0}",
        [LogKeys.NotRemoved] = "Nicht entfernt: {0}",
        [LogKeys.ReasonPermissionDenied] = "Zugriff verweigert",
        [LogKeys.ReasonPathTooLong] = "Pfad zu lang",
        [LogKeys.ReasonInputOutput] = "Ein-/Ausgabefehler",
    };
}
