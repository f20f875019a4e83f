namespace IpsApi.Jobs.Notifications.Templates;

internal static class JapaneseTexts
{
    public static EmailTexts JaJp { get; } = new()
    {
        Locale = "ja-JP",
        SubjectStarted = "IPS ジョブ「{0}」を開始しました",
        SubjectEnded = "IPS ジョブ「{0}」: {1}",
        Greeting = "{0} 様",
        GreetingWithoutName = "ご担当者様",
        IntroStarted = "IPS ジョブ「{0}」を開始しました。",
        IntroEnded = "IPS ジョブ「{0}」が終了しました。結果: {1}",
        EndWillFollow = "ジョブが終了しましたら、改めてお知らせします。",
        Succeeded = "成功",
        Failed = "失敗",
        Stopped = "停止",
        CompletedWithErrors = "完了 (エラーあり)",
        LabelSeparator = ": ",
        JobName = "ジョブ名",
        OriginalName = "送信時のジョブ名",
        JobType = "ジョブの種類",
        Company = "会社",
        Instance = "実行",
        Outcome = "結果",
        StartedAt = "開始日時",
        EndedAt = "終了日時",
        TotalFiles = "ファイル総数",
        FileSuccess = "成功",
        FileError = "エラー",
        FileWarning = "警告",
        FileDuplicate = "重複のためスキップ",
        FileUpdate = "更新",
        FatalError = "致命的なエラーによりジョブが終了しました。",
        FirstErrors = "最初のエラー:",
        MoreErrors = "ほかに {0} 件のエラーがあります。すべてのエラーはジョブログで確認できます。",
        Footer = "このメッセージは IPS ジョブサーバーから自動送信されています。返信はしないでください。",
    };
}
