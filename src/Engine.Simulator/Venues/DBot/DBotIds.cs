namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// Server-assigned task ids like DBot's (<c>m8zl720z0043pp</c>): 14 lowercase base-36 characters, the creation time in
/// ms (8), a counter (4) and two seeded random characters. Not thread-safe: used under the simulator's lock.
/// </summary>
internal sealed class DBotIds(Random random)
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private long counter;

    public string Next(DateTimeOffset now)
    {
        counter++;
        var text = Base36(now.ToUnixTimeMilliseconds(), 8) + Base36(counter % 1_679_616, 4);
        return text + Digits[random.Next(36)] + Digits[random.Next(36)];
    }

    /// <summary>A short trade id for composite ids (<c>&lt;taskId&gt;_&lt;tradeId&gt;</c>).</summary>
    public string Trade() => Base36(++counter, 6);

    private static string Base36(long value, int width)
    {
        Span<char> buffer = stackalloc char[13];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);

        return new string(buffer[i..]).PadLeft(width, '0')[^width..];
    }
}
