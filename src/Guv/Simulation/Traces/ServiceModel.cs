using System.Globalization;

namespace Guv.Simulation.Traces;

/// <summary>
/// A linear model of processing time over a trace's numeric columns, written like
/// <c>1 + 0.0005*ContextTokens + 0.04*GeneratedTokens</c> (seconds).
/// </summary>
public sealed class ServiceModel
{
    /// <summary>
    /// The model used for traces with token columns when none is given: about 10 s per request on the Azure
    /// conversation trace (mean 1155 context and 211 generated tokens), matching guv's default processing time,
    /// with generation dominating as it does in LLM serving.
    /// </summary>
    public const string TokenDefault = "1 + 0.0005*ContextTokens + 0.04*GeneratedTokens";

    private readonly double _constant;
    private readonly (string Column, double Factor)[] _terms;

    private ServiceModel(double constant, (string, double)[] terms, string text)
    {
        _constant = constant;
        _terms = terms;
        Text = text;
    }

    /// <summary>The model as written.</summary>
    public string Text { get; }

    /// <summary>The columns the model reads.</summary>
    public IEnumerable<string> Columns => _terms.Select(t => t.Column);

    /// <summary>Parses a model.</summary>
    /// <exception cref="TraceException">The text is not a sum of numbers and number*column terms.</exception>
    public static ServiceModel Parse(string text)
    {
        var constant = 0.0;
        var terms = new List<(string, double)>();
        foreach (var raw in text.Split('+'))
        {
            var term = raw.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            var parts = term.Split('*', StringSplitOptions.TrimEntries);
            var numbers = parts.Where(IsNumber).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
            var names = parts.Where(p => !IsNumber(p)).ToList();
            var factor = numbers.Aggregate(1.0, (a, b) => a * b);
            if (names.Count == 0)
            {
                constant += factor;
            }
            else if (names.Count == 1 && names[0].Length > 0 && parts.Length <= 2)
            {
                terms.Add((names[0], factor));
            }
            else
            {
                throw new TraceException(
                    $"--service: cannot read the term '{term}' of '{text}'; write a sum of numbers and number*Column "
                    + $"terms, for example '{TokenDefault}'");
            }
        }

        return new ServiceModel(constant, terms.ToArray(), text);
    }

    /// <summary>Column positions of the model's terms in a header; fails naming the columns that are missing.</summary>
    public int[] Bind(IReadOnlyList<string> header, string file)
    {
        var positions = new int[_terms.Length];
        for (var i = 0; i < _terms.Length; i++)
        {
            positions[i] = FindColumn(header, _terms[i].Column);
            if (positions[i] < 0)
            {
                throw new TraceException(
                    $"{file}: --service uses the column '{_terms[i].Column}', which the trace does not have; "
                    + $"its columns are {string.Join(", ", header)}");
            }
        }

        return positions;
    }

    /// <summary>The processing time of one row, never below a millisecond.</summary>
    public double Evaluate(string[] row, int[] positions)
    {
        var seconds = _constant;
        for (var i = 0; i < _terms.Length; i++)
        {
            seconds += _terms[i].Factor * double.Parse(row[positions[i]], CultureInfo.InvariantCulture);
        }

        return Math.Max(0.001, seconds);
    }

    internal static int FindColumn(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
