using ImrPredict.ML.Calibration;

namespace ImrPredict.ML.Training.Calibration;

/// <summary>
/// Fits a bundle's <see cref="ProbabilityCalibration"/> on scores the model did not train on: isotonic when there are
/// enough positives for its steps to mean something, Platt otherwise, and pulled toward the base rate when positives are
/// few, so a small corpus does not get a curve that chases a handful of items.
/// </summary>
public static class CalibrationFitter
{
    /// <summary>Positives from which the isotonic curve is used; below, Platt's two parameters.</summary>
    public const int IsotonicMinimumPositives = 100;

    /// <summary>
    /// Pseudo-items at the base rate added to every isotonic block, and pseudo-positives behind Platt's shrinkage
    /// (weight <c>k / (positives + k)</c> on the base rate).
    /// </summary>
    public const double PriorStrength = 10;

    /// <summary>Fits the calibration of <paramref name="scores"/> (raw model probabilities) to <paramref name="labels"/>.</summary>
    public static ProbabilityCalibration Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, string fittedOn)
    {
        var n = labels.Count;
        var positives = labels.Count(l => l);
        var baseRate = n == 0 ? 0 : (double)positives / n;
        if (positives == 0 || positives == n)
        {
            // Nothing to learn a curve from: every item gets the base rate.
            return new ProbabilityCalibration
            {
                Method = CalibrationMethod.Platt, Slope = 0, Intercept = 0, BaseRate = baseRate, Shrinkage = 1, Items = n, Positives = positives, FittedOn = fittedOn,
            };
        }

        if (positives >= IsotonicMinimumPositives && n - positives >= IsotonicMinimumPositives)
        {
            var (knotScores, knotRates) = Isotonic(scores, labels, baseRate);
            return new ProbabilityCalibration
            {
                Method = CalibrationMethod.Isotonic, KnotScores = knotScores, KnotRates = knotRates, BaseRate = baseRate, Items = n, Positives = positives, FittedOn = fittedOn,
            };
        }

        var (slope, intercept) = Platt(scores, labels);
        return new ProbabilityCalibration
        {
            Method = CalibrationMethod.Platt, Slope = slope, Intercept = intercept, BaseRate = baseRate,
            Shrinkage = PriorStrength / (positives + PriorStrength), Items = n, Positives = positives, FittedOn = fittedOn,
        };
    }

    /// <summary>
    /// Calibrated out-of-fold probabilities that are honest themselves: each fold's scores go through a calibrator fitted
    /// on the other folds' scores only.
    /// </summary>
    public static double[] CrossFitted(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, IReadOnlyList<int> foldOf, int folds)
    {
        var result = new double[scores.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var mine = Enumerable.Range(0, scores.Count).Where(i => foldOf[i] == fold).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            var others = Enumerable.Range(0, scores.Count).Where(i => foldOf[i] != fold).ToArray();
            var calibration = Fit(others.Select(i => scores[i]).ToArray(), others.Select(i => labels[i]).ToArray(), "other folds");
            foreach (var i in mine)
            {
                result[i] = calibration.Apply(scores[i]);
            }
        }

        return result;
    }

    /// <summary>Pool-adjacent-violators, then each block shrunk toward the base rate and pooled again so the curve stays monotone.</summary>
    private static (double[] Scores, double[] Rates) Isotonic(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double baseRate)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var blocks = new List<Block>();
        foreach (var i in order)
        {
            var y = labels[i] ? 1.0 : 0.0;
            if (blocks.Count > 0 && blocks[^1].MaxScore == scores[i])
            {
                blocks[^1] = blocks[^1].Add(new Block(scores[i], scores[i], scores[i], 1, y, 1));
            }
            else
            {
                blocks.Add(new Block(scores[i], scores[i], scores[i], 1, y, 1));
            }
        }

        blocks = Pool(blocks);
        var shrunk = blocks.Select(b => b with { Sum = b.Sum + PriorStrength * baseRate, Weight = b.Weight + PriorStrength }).ToList();
        shrunk = Pool(shrunk);
        return (shrunk.Select(b => b.ScoreSum / b.Count).ToArray(), shrunk.Select(b => b.Sum / b.Weight).ToArray());
    }

    private static List<Block> Pool(List<Block> input)
    {
        var stack = new List<Block>(input.Count);
        foreach (var block in input)
        {
            var current = block;
            while (stack.Count > 0 && stack[^1].Rate >= current.Rate)
            {
                current = stack[^1].Add(current);
                stack.RemoveAt(stack.Count - 1);
            }

            stack.Add(current);
        }

        return stack;
    }

    /// <summary>Platt's fit on the logit of the raw probability, with his smoothed targets, by Newton's method.</summary>
    private static (double Slope, double Intercept) Platt(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var x = scores.Select(ProbabilityCalibration.Logit).ToArray();
        var t = labels.Select(l => l ? high : low).ToArray();
        double a = 1, b = 0;
        var loss = Loss(x, t, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < x.Length; i++)
            {
                var p = ProbabilityCalibration.Logistic(a * x[i] + b);
                var d = p - t[i];
                var w = p * (1 - p);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }

            var det = haa * hbb - hab * hab;
            if (Math.Abs(det) < 1e-12)
            {
                break;
            }

            var da = (hbb * ga - hab * gb) / det;
            var db = (haa * gb - hab * ga) / det;
            var step = 1.0;
            while (step > 1e-6)
            {
                var next = Loss(x, t, a - step * da, b - step * db);
                if (next <= loss)
                {
                    a -= step * da;
                    b -= step * db;
                    var improvement = loss - next;
                    loss = next;
                    if (improvement < 1e-10)
                    {
                        return (a, b);
                    }

                    break;
                }

                step /= 2;
            }

            if (step <= 1e-6)
            {
                break;
            }
        }

        return (a, b);
    }

    private static double Loss(double[] x, double[] t, double a, double b)
    {
        double loss = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var z = a * x[i] + b;
            // log(1 + e^z) computed without overflow.
            var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            loss += softplus - t[i] * z;
        }

        return loss;
    }

    private readonly record struct Block(double MinScore, double MaxScore, double ScoreSum, int Count, double Sum, double Weight)
    {
        public double Rate => Sum / Weight;

        public Block Add(Block other) => new(Math.Min(MinScore, other.MinScore), Math.Max(MaxScore, other.MaxScore), ScoreSum + other.ScoreSum, Count + other.Count, Sum + other.Sum, Weight + other.Weight);
    }
}
