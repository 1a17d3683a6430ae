namespace Guv.Simulation;

/// <summary>
/// A small, fast, seeded random number generator (xoshiro256**, D. Blackman and S. Vigna, 2018, prng.di.unimi.it)
/// so a simulation replays the same way on every machine and .NET version; <see cref="Random"/> promises neither.
/// </summary>
public sealed class SimulationRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal = double.NaN;

    /// <summary>Creates a generator; equal seeds give equal sequences.</summary>
    public SimulationRandom(ulong seed)
    {
        // SplitMix64 spreads one seed over the four words of state, as the xoshiro authors recommend.
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A uniform number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform number in (0, 1], safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>An exponentially distributed number with the given rate (mean 1 / rate).</summary>
    public double Exponential(double rate) => -Math.Log(NextOpenDouble()) / rate;

    /// <summary>A standard normal number (Marsaglia's polar method; the second value of each pair is kept).</summary>
    public double Normal()
    {
        if (!double.IsNaN(_spareNormal))
        {
            var spare = _spareNormal;
            _spareNormal = double.NaN;
            return spare;
        }

        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
