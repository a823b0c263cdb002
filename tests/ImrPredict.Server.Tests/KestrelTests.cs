using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using ImrPredict.Server.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace ImrPredict.Server.Tests;

/// <summary>The service on a real Kestrel listener on a loopback port, over HTTP/2 cleartext.</summary>
public class KestrelTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Predict_over_a_real_loopback_connection_with_request_id_and_deadline()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        var models = fixture.CopyOfModels();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ImrPredict:ModelsDirectory"] = models,
            ["ImrPredict:BuildDefaultBundle"] = "false",
            ["ImrPredict:ReloadPollSeconds"] = "0",
        });
        builder.AddImrPredict();
        var app = builder.Build();
        app.MapImrPredict();
        await app.StartAsync(token);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new ImrPredictService.ImrPredictServiceClient(channel);
        var request = new PredictRequest { ClinicalSummary = "Neck pain with numbness in the hands." };
        request.Items.Add(new ItemRequest { RequestedItem = "EMG/NCV of the bilateral upper extremities" });

        GetModelInfoRequest probe = new();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await client.GetModelInfoAsync(probe, cancellationToken: token);
                break;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                await Task.Delay(100, token);
            }
        }

        using var call = client.PredictAsync(request, new Metadata { { "x-request-id", "abc-123" } }, DateTime.UtcNow.AddSeconds(30), token);
        var response = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;
        var expired = await Assert.ThrowsAsync<RpcException>(() => client.PredictAsync(request, deadline: DateTime.UtcNow.AddTicks(1), cancellationToken: token).ResponseAsync);

        Assert.Equal("Electrodiagnostics", Assert.Single(response.Items).Category);
        Assert.Equal("abc-123", headers.GetValue("x-request-id"));
        Assert.Equal(StatusCode.DeadlineExceeded, expired.StatusCode);
        await app.StopAsync(token);
        await app.DisposeAsync();
        Directory.Delete(models, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
