namespace IpsApi.Jobs.Notifications.Templates;

internal static class FrenchTexts
{
    // French puts a no-break space before ":" and inside « »; "tâche" is feminine, so are the outcome words.
    public static EmailTexts FrFr { get; } = new()
    {
        Locale = "fr-FR",
        SubjectStarted = "Tâche IPS «\u00A0{0}\u00A0» démarrée",
        SubjectEnded = "Tâche IPS «\u00A0{0}\u00A0» {1}",
        Greeting = "Bonjour {0},",
        GreetingWithoutName = "Bonjour,",
        IntroStarted = "Votre tâche IPS «\u00A0{0}\u00A0» a démarré.",
        IntroEnded = "Votre tâche IPS «\u00A0{0}\u00A0» est terminée. Résultat\u00A0: {1}.",
        EndWillFollow = "Vous recevrez un autre message à la fin de la tâche.",
        Succeeded = "réussie",
        Failed = "en échec",
        Stopped = "arrêtée",
        CompletedWithErrors = "terminée avec des erreurs",
        LabelSeparator = "\u00A0: ",
        JobName = "Nom de la tâche",
        OriginalName = "Soumise sous le nom",
        JobType = "Type de tâche",
        Company = "Société",
        Instance = "Exécution",
        Outcome = "Résultat",
        StartedAt = "Début",
        EndedAt = "Fin",
        TotalFiles = "Fichiers au total",
        FileSuccess = "Réussis",
        FileError = "Erreurs",
        FileWarning = "Avertissements",
        FileDuplicate = "Doublons ignorés",
        FileUpdate = "Mis à jour",
        FatalError = "Une erreur fatale a interrompu la tâche.",
        FirstErrors = "Premières erreurs\u00A0:",
        MoreErrors = "…et {0} autres. Le journal de la tâche les répertorie toutes.",
        Footer = "Ce message a été envoyé automatiquement par le serveur de tâches IPS. Merci de ne pas y répondre.",
    };
}
