using System.Reflection;

namespace ImrPredict.Server.Tests;

/// <summary>The shape the service keeps: no training code in the server, every admin call behind an admin credential.</summary>
public sealed class CompositionTests(ServiceFixture fixture)
{
    [Fact]
    public void The_server_references_neither_training_nor_the_generator()
    {
        var referenced = AllReferences(typeof(ImrPredictGrpcService).Assembly).ToList();

        Assert.Contains("ImrPredict.Application", referenced);
        Assert.Contains("ImrPredict.ML", referenced);
        Assert.DoesNotContain("ImrPredict.ML.Training", referenced);
        Assert.DoesNotContain("ImrPredict.Synthetic", referenced);
        Assert.DoesNotContain("ScottPlot", referenced);
    }

    [Fact]
    public async Task Every_admin_call_refuses_a_caller_without_the_key()
    {
        var token = TestContext.Current.CancellationToken;
        var admin = typeof(ImrPredictGrpcService).GetMethods().Where(m => m.GetCustomAttribute<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>()?.Policy == Security.AccessRoles.Admin).Select(m => m.Name).ToList();
        var add = new AddDeterminationsRequest();
        add.Letters.Add(new LetterContent { Text = "not a letter", Source = "x" });

        var refusedAdd = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.AddDeterminationsAsync(add, cancellationToken: token).ResponseAsync);
        var refusedReload = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.ReloadModelAsync(new ReloadModelRequest(), cancellationToken: token).ResponseAsync);
        var refusedDelete = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Client.DeleteDeterminationAsync(new DeleteDeterminationRequest { LetterId = "CM15-0003654" }, cancellationToken: token).ResponseAsync);

        var refusedAudit = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.ListAuditRecordsAsync(new ListAuditRecordsRequest(), cancellationToken: token).ResponseAsync);

        Assert.Equal(["AddDeterminations", "DeleteDetermination", "ListAuditRecords", "ListDeterminations", "ReloadModel"], admin.Order(StringComparer.Ordinal));
        Assert.Equal(StatusCode.Unauthenticated, refusedAudit.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, refusedAdd.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, refusedReload.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, refusedDelete.StatusCode);
    }

    /// <summary>The names of the assembly's references, followed through the project's own assemblies.</summary>
    private static IEnumerable<string> AllReferences(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<AssemblyName>(root.GetReferencedAssemblies());
        while (pending.TryDequeue(out var name))
        {
            if (name.Name is null || !seen.Add(name.Name) || !name.Name.StartsWith("ImrPredict", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var next in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Enqueue(next);
            }
        }

        return seen;
    }
}
