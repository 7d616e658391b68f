namespace NewsQA.Core.Storage;

/// <summary>
/// A store kept in a file of its own (the embedded store's SQLite file), which can check that file and rebuild the
/// file's own indexes: <c>newsqa reindex</c> runs it before re-indexing, so the command readiness names for a damaged
/// file is one that deals with it. Qdrant keeps its own files and has no such check here.
/// </summary>
public interface IStoreFileCheck
{
    /// <summary>Checks the whole file; when only its indexes are damaged, rebuilds them from the tables and checks again.</summary>
    Task<StoreFileState> CheckAndRepairAsync(CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IStoreFileCheck.CheckAndRepairAsync"/> found.</summary>
public enum StoreFileState
{
    /// <summary>The file passed the check as it was.</summary>
    Sound,

    /// <summary>Only indexes were damaged; they were rebuilt and the file now passes.</summary>
    Repaired,

    /// <summary>Stored data itself is damaged: the file must be restored from a backup.</summary>
    Damaged,
}
