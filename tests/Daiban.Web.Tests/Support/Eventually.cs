namespace Daiban.Web.Tests.Support;

/// <summary>Polls what background work (the outbox, the push processor, the emulator) makes true in a while.</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds (20 s at most), then returns the last read either way.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await read();
            if (done(value))
                return value;
            await Task.Delay(100);
        }
        return await read();
    }

    /// <summary><see cref="UntilAsync{T}(Func{Task{T}}, Func{T, bool})"/> for what is read without waiting (the emulator).</summary>
    public static Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> done) => UntilAsync(() => Task.FromResult(read()), done);
}
