namespace IpsApi.Jobs.Running.Messages;

// Traditional Chinese as written in Taiwan, with the emails' terms ("作業" for job) and full-width punctuation.
internal static class ChineseLogTexts
{
    public static IReadOnlyDictionary<string, string> ZhTw { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LogKeys.RunStarted] = "{0} 已在 {1} 上開始執行",
        [LogKeys.RunEndedDone] = "{0} 已結束：完成",
        [LogKeys.RunEndedFailed] = "{0} 已結束：失敗",
        [LogKeys.RunEndedStopped] = "{0} 已結束：已停止",
        [LogKeys.RunEndedPaused] = "{0} 已結束：已暫停",
        [LogKeys.NoAppName] = "（未提供 appName）",
        [LogKeys.RunInterrupted] = "執行已中斷：節點 {0} 在執行期間停止。作業已重新開始。",
        [LogKeys.JobTypeNotSupported] = "此伺服器尚不支援作業類型 {0}；未執行任何動作。",
        [LogKeys.RunStoppedByRequest] = "已依要求停止執行。",
        [LogKeys.RunPausedByRequest] = "已依要求暫停執行。",
        [LogKeys.JobFailed] = "作業失敗：{0}（錯誤 ID {1}；詳細資訊請參閱伺服器記錄）。",
        [LogKeys.Published] = "已發佈",
        [LogKeys.RemovedFromPublish] = "已移除：已不在伺服器目錄中",
        [LogKeys.NotPublished] = "未發佈：{0}",
        [LogKeys.NotRemoved] = "未移除：{0}",
        [LogKeys.ReasonPermissionDenied] = "權限遭拒",
        [LogKeys.ReasonPathTooLong] = "路徑過長",
        [LogKeys.ReasonInputOutput] = "輸入/輸出錯誤",
    };
}
