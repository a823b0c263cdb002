namespace ImrPredict.Web;

/// <summary>One file of the web app, held in memory with its compressed forms.</summary>
/// <param name="Name">Its file name (<c>precedents.html</c>, <c>app.css</c>).</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Content">The bytes as written.</param>
/// <param name="Gzip">The bytes gzip-compressed.</param>
/// <param name="Brotli">The bytes Brotli-compressed.</param>
/// <param name="ETag">A strong validator: a hash of the content.</param>
public sealed record WebAsset(string Name, string ContentType, byte[] Content, byte[] Gzip, byte[] Brotli, string ETag);
