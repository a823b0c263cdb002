namespace ImrPredict.Search.Semantic;

/// <summary>Many readers or one writer around a vector index's state: searches run together, an upsert runs alone.</summary>
internal sealed class ReadWriteGate : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();

    public T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public T Write<T>(Func<T> write)
    {
        _lock.EnterWriteLock();
        try
        {
            return write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Write(Action write) => Write(() =>
    {
        write();
        return true;
    });

    public void Dispose() => _lock.Dispose();
}
