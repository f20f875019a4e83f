namespace IpsApi.Jobs.Notifications;

/// <summary>The outbox rows a run writes at its start and at its end, by <see cref="NotificationRules"/>.</summary>
internal static class RunMessages
{
    public static IReadOnlyList<OutboxMessage> AtStart(RunSummary run, TimeZoneInfo zone) =>
        NotificationRules.EmailAtStart(run) && HasRecipient(run)
            ? [OutboxMessage.For(RunEmailComposer.Compose(run, RunMoment.Started, zone))]
            : [];

    public static IReadOnlyList<OutboxMessage> AtEnd(RunSummary run, TimeZoneInfo zone)
    {
        var messages = new List<OutboxMessage>(2);
        if (NotificationRules.EmailAtEnd(run) && HasRecipient(run))
        {
            messages.Add(OutboxMessage.For(RunEmailComposer.Compose(run, RunMoment.Ended, zone)));
        }

        if (NotificationRules.CallbackAtEnd(run))
        {
            messages.Add(OutboxMessage.For(new CallbackPayload(run.CallbackUrl!.Trim(), CallbackDocument.Serialize(run))));
        }

        return messages;
    }

    public static bool HasRecipient(RunSummary run) => !string.IsNullOrWhiteSpace(run.RecipientEmail);
}
