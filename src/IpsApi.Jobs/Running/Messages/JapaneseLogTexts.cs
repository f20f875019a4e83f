namespace IpsApi.Jobs.Running.Messages;

// The same conventions as the Japanese emails: half-width ": " and parentheses, "ジョブ" for job.
internal static class JapaneseLogTexts
{
    public static IReadOnlyDictionary<string, string> JaJp { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LogKeys.RunStarted] = "{0} を {1} で開始しました",
        [LogKeys.RunEndedDone] = "{0} が終了しました: 完了",
        [LogKeys.RunEndedFailed] = "{0} が終了しました: 失敗",
        [LogKeys.RunEndedStopped] = "{0} が終了しました: 停止",
        [LogKeys.RunEndedPaused] = "{0} が終了しました: 一時停止",
        [LogKeys.NoAppName] = "(appName の指定なし)",
        [LogKeys.RunInterrupted] = "実行が中断されました: 実行中にノード {0} が停止しました。ジョブを再度開始しました。",
        [LogKeys.JobTypeNotSupported] = "ジョブの種類 {0} は、このサーバーではまだサポートされていません。何も実行されませんでした。",
        [LogKeys.RunStoppedByRequest] = "要求により実行を停止しました。",
        [LogKeys.RunPausedByRequest] = "要求により実行を一時停止しました。",
        [LogKeys.JobFailed] = "ジョブが失敗しました: {0} (エラー ID {1}。詳細はサーバーログにあります)。",
        [LogKeys.Published] = "公開しました",
        [LogKeys.RemovedFromPublish] = "削除しました: サーバーディレクトリにありません",
        [LogKeys.NotPublished] = "公開できませんでした: {0}",
        [LogKeys.NotRemoved] = "削除できませんでした: {0}",
        [LogKeys.ReasonPermissionDenied] = "アクセスが拒否されました",
        [LogKeys.ReasonPathTooLong] = "パスが長すぎます",
        [LogKeys.ReasonInputOutput] = "入出力エラー",
    };
}
