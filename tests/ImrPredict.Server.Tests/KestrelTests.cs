using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace ImrPredict.Server.Tests;

/// <summary>The service on a real Kestrel listener on a loopback port, over HTTP/2 cleartext and over TLS.</summary>
public class KestrelTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Predict_over_a_real_loopback_connection_with_request_id_and_deadline()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        await using var service = StartService(new()
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{port}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
        });
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = await ReadyClientAsync(channel, token);

        using var call = client.PredictAsync(EmgRequest(), new Metadata { { "x-request-id", "abc-123" } }, DateTime.UtcNow.AddSeconds(30), token);
        var response = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;
        var expired = await Assert.ThrowsAsync<RpcException>(() => client.PredictAsync(EmgRequest(), deadline: DateTime.UtcNow.AddTicks(1), cancellationToken: token).ResponseAsync);

        Assert.Equal("Electrodiagnostics", Assert.Single(response.Items).Category);
        Assert.Equal("abc-123", headers.GetValue("x-request-id"));
        Assert.Equal(StatusCode.DeadlineExceeded, expired.StatusCode);
    }

    [Fact]
    public async Task Tls_endpoint_from_the_Kestrel_section_serves_predictions_with_its_certificate()
    {
        // TLS is configured as docs/api.md says: a Kestrel endpoint with an https URL and a certificate file.
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var certificate = SelfSignedCertificate();
        var pfx = Path.Combine(Path.GetTempPath(), $"imr-tls-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"), token);
        try
        {
            await using var service = StartService(new()
            {
                ["Kestrel:Endpoints:Grpc:Url"] = $"https://127.0.0.1:{port}",
                ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
                ["Kestrel:Endpoints:Grpc:Certificate:Path"] = pfx,
                ["Kestrel:Endpoints:Grpc:Certificate:Password"] = "test-password",
            });

            string? presented = null;
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
            {
                presented = cert?.GetCertHashString();
                return presented == certificate.GetCertHashString();
            };
            using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = handler });
            var client = await ReadyClientAsync(channel, token);
            var response = await client.PredictAsync(EmgRequest(), cancellationToken: token);

            using var plain = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var cleartext = await Assert.ThrowsAsync<RpcException>(() =>
                new ImrPredictService.ImrPredictServiceClient(plain).GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: token).ResponseAsync);

            Assert.Equal(certificate.GetCertHashString(), presented);
            Assert.Equal("Electrodiagnostics", Assert.Single(response.Items).Category);
            // Cleartext HTTP/2 to a TLS port fails in the transport: the client reports it as UNAVAILABLE or, when the
            // server's TLS alert is read as a frame, as INTERNAL; either way nothing was served.
            Assert.Contains(cleartext.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    /// <summary>
    /// Starts the real Program on Kestrel over a copy of the fixture's models. The appsettings' endpoints are kept by name
    /// (Grpc, Json), moved to the given or free loopback ports, as an operator's configuration would move them.
    /// </summary>
    private RunningService StartService(Dictionary<string, string?> settings)
    {
        var models = fixture.CopyOfModels();
        settings.TryAdd("Kestrel:Endpoints:Json:Url", $"http://127.0.0.1:{FreePort()}");
        var factory = new ImrPredictFactory(models, buildDefault: false, settings: settings);
        factory.UseKestrel();
        factory.StartServer();
        return new RunningService(factory, models);
    }

    /// <summary>A client once the service has loaded its model (loading runs in the background after start).</summary>
    private static async Task<ImrPredictService.ImrPredictServiceClient> ReadyClientAsync(GrpcChannel channel, CancellationToken token)
    {
        var client = new ImrPredictService.ImrPredictServiceClient(channel);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: token);
                break;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                await Task.Delay(100, token);
            }
        }

        return client;
    }

    private static PredictRequest EmgRequest()
    {
        var request = new PredictRequest { ClinicalSummary = "Neck pain with numbness in the hands." };
        request.Items.Add(new ItemRequest { RequestedItem = "EMG/NCV of the bilateral upper extremities" });
        return request;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    private sealed class RunningService(ImrPredictFactory app, string models) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            Directory.Delete(models, recursive: true);
        }
    }

    private static int FreePort() => ImrPredict.TestSupport.ServerProcess.FreePort();
}
