namespace IpsApi.Jobs.Running.Messages;

// As in the emails: a no-break space before ":" and ";", "tâche" for job. Noun phrases ("Fin de {0}") keep the
// sentences free of agreement with a job name whose gender nobody knows.
internal static class FrenchLogTexts
{
    public static IReadOnlyDictionary<string, string> FrFr { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LogKeys.RunStarted] = "Démarrage de {0} sur {1}",
        [LogKeys.RunEndedDone] = "Fin de {0}\u00A0: succès",
        [LogKeys.RunEndedFailed] = "Fin de {0}\u00A0: échec",
        [LogKeys.RunEndedStopped] = "Fin de {0}\u00A0: arrêt",
        [LogKeys.RunEndedPaused] = "Fin de {0}\u00A0: mise en pause",
        [LogKeys.NoAppName] = "(aucun appName indiqué)",
        [LogKeys.RunInterrupted] = "L’exécution a été interrompue\u00A0: le nœud {0} s’est arrêté pendant l’exécution. La tâche a été relancée.",
        [LogKeys.JobTypeNotSupported] = "Le type de tâche {0} n’est pas encore pris en charge par ce serveur\u00A0; rien n’a été fait.",
        [LogKeys.RunStoppedByRequest] = "L’exécution a été arrêtée à la demande.",
        [LogKeys.RunPausedByRequest] = "L’exécution a été mise en pause à la demande.",
        [LogKeys.JobFailed] = "La tâche a échoué\u00A0: {0} (identifiant d’erreur {1}\u00A0; le journal du serveur contient les détails).",
        [LogKeys.Published] = "Publié",
        [LogKeys.RemovedFromPublish] = "Supprimé\u00A0: ne figure plus dans le répertoire du serveur",
        [LogKeys.NotPublished] = "Non publié\u00A0: {0}",
        [LogKeys.NotRemoved] = "Non supprimé\u00A0: {0}",
        [LogKeys.ReasonPermissionDenied] = "permission refusée",
        [LogKeys.ReasonPathTooLong] = "chemin trop long",
        [LogKeys.ReasonInputOutput] = "erreur d’entrée/sortie",
    };
}
