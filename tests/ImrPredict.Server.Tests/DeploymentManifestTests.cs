using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ImrPredict.Application;
using ImrPredict.Application.Storage;
using ImrPredict.ML.Bundles;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ImrPredict.Server.Tests;

/// <summary>
/// The files under <c>deploy/</c> agree with the service they deploy (images cannot be pulled here, so nothing is run):
/// every environment name is a setting the service reads and every value passes its validation; ports are the Kestrel
/// endpoints'; probes and scrapes hit the health and metrics paths on the JSON port; volumes are mounted where the models
/// and data settings point; the grace period outlasts the shutdown time; the jobs run <c>imr</c> on the same volume.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    private static readonly string Deploy = Path.Combine(SharedDataLocation.RepositoryRoot(), "deploy");

    [Fact]
    public void The_dockerfile_builds_in_stages_runs_unprivileged_and_checks_health_on_the_json_port()
    {
        var lines = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile"));
        var text = string.Join('\n', lines);
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Contains("dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user, StringComparison.Ordinal);

        var environment = DockerfileEnvironment(text);
        var settings = CheckedSettings(environment, "Dockerfile", complete: false);
        // The image alone listens on every interface and names no credential: it refuses to start until the deployment
        // configures one (compose.yaml and the Kubernetes manifests do).
        Assert.NotNull(Security.AccessDecision.Decide([settings["Kestrel:Endpoints:Json:Url"]!], new Security.AuthOptions(), null).Refusal);
        var volumes = Regex.Match(text, @"^VOLUME \[(.*)\]$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Contains($"\"{settings["ImrPredict:ModelsDirectory"]}\"", volumes, StringComparison.Ordinal);
        Assert.Contains($"\"{settings["ImrPredict:DataDirectory"]}\"", volumes, StringComparison.Ordinal);
        var exposed = Regex.Match(text, @"^EXPOSE (.*)$", RegexOptions.Multiline).Groups[1].Value.Split(' ').Select(int.Parse).Order().ToList();
        Assert.Equal(new[] { Port(settings, "Grpc"), Port(settings, "Json") }.Order(), exposed);
        var healthcheck = text[text.IndexOf("HEALTHCHECK", StringComparison.Ordinal)..];
        Assert.Contains($"/dev/tcp/127.0.0.1/{Port(settings, "Json")}", healthcheck, StringComparison.Ordinal);
        Assert.Contains($"GET {HealthEndpoints.Live} ", healthcheck, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/server/ImrPredict.Server.dll\"]", text, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /out/imr /app/imr", text, StringComparison.Ordinal);
        Assert.Equal("/app/imr/imr.dll", settings["ImrPredict:BootstrapTool"]);
    }

    [Fact]
    public void Compose_runs_two_replicas_on_postgres_with_the_shared_models_volume_and_prometheus_scraping_both()
    {
        var compose = Map(Documents("compose.yaml").Single());
        var services = Map(compose["services"]);
        Assert.Contains("postgres", services.Keys);
        var replicas = services.Keys.Where(k => k.StartsWith("imrpredict-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, replicas.Count);
        foreach (var name in replicas)
        {
            var service = Map(services[name]);
            var environment = Map(service["environment"]).ToDictionary(e => e.Key, e => (string)e.Value);
            var settings = CheckedSettings(environment, name);
            Assert.Equal("true", service["read_only"]);
            Assert.Contains("/tmp", List(service["tmpfs"]));
            Assert.Contains("Host=postgres;", settings["ConnectionStrings:Determinations"], StringComparison.Ordinal);
            Assert.True(Seconds((string)service["stop_grace_period"]) > double.Parse(settings["ImrPredict:ShutdownSeconds"]!, System.Globalization.CultureInfo.InvariantCulture));
            var published = List(service["ports"]).Select(p => int.Parse(p.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).Order();
            Assert.Equal(new[] { Port(settings, "Grpc"), Port(settings, "Json") }.Order(), published);
            var mounts = List(service["volumes"]).Select(v => v.Split(':')).ToDictionary(v => v[1], v => v[0]);
            Assert.Equal("models", mounts[settings["ImrPredict:ModelsDirectory"]!]);
            Assert.StartsWith("data-", mounts[settings["ImrPredict:DataDirectory"]!], StringComparison.Ordinal);
        }

        // Each replica its own index volume; one models volume for both.
        Assert.Equal(2, replicas.Select(r => List(Map(services[r])["volumes"]).Single(v => v.EndsWith(":/app/data", StringComparison.Ordinal))).Distinct().Count());
        Assert.Equal(["dotnet", "/app/imr/imr.dll", "bootstrap", "--out", $"/app/models/{new ImrPredictOptions().BundleName}", "--data-dir", "/app/data"], List(Map(services["bootstrap"])["entrypoint"]));
        var retrain = List(Map(services["retrain"])["entrypoint"]);
        Assert.Equal(["dotnet", "/app/imr/imr.dll", "retrain", "--models", "/app/models"], retrain.Take(5));
        Assert.Contains("models:/app/models", List(Map(services["retrain"])["volumes"]));

        var prometheus = Map(Documents("prometheus.yml").Single());
        var job = Map(List<object>(prometheus["scrape_configs"]).Single());
        Assert.Equal(TelemetrySetup.MetricsPath, job["metrics_path"]);
        var targets = List(Map(List<object>(job["static_configs"]).Single())["targets"]);
        Assert.Equal(replicas.Select(r => $"{r}:8080").Order(), targets.Order());
    }

    [Fact]
    public void Kubernetes_probes_ports_volumes_and_jobs_match_the_service()
    {
        var deployment = Map(Documents("k8s/deployment.yaml").Single());
        Assert.Equal("Deployment", deployment["kind"]);
        var spec = Map(deployment["spec"]);
        Assert.True(int.Parse((string)spec["replicas"], System.Globalization.CultureInfo.InvariantCulture) >= 2);
        var template = Map(spec["template"]);
        var podLabels = Map(Map(template["metadata"])["labels"]);
        var pod = Map(template["spec"]);
        Assert.Equal("true", Map(pod["securityContext"])["runAsNonRoot"]);
        var container = Map(List<object>(pod["containers"]).Single());
        var environment = List<object>(container["env"]).Select(Map).ToDictionary(e => (string)e["name"], e => e.TryGetValue("value", out var v) ? (string)v : "from-secret");
        var settings = CheckedSettings(environment, "deployment");
        var ports = List<object>(container["ports"]).Select(Map).ToDictionary(p => (string)p["name"], p => int.Parse((string)p["containerPort"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Port(settings, "Grpc"), ports["grpc"]);
        Assert.Equal(Port(settings, "Json"), ports["http"]);

        foreach (var (probe, path) in new[] { ("readinessProbe", HealthEndpoints.Ready), ("livenessProbe", HealthEndpoints.Live), ("startupProbe", HealthEndpoints.Live) })
        {
            var get = Map(Map(container[probe])["httpGet"]);
            Assert.Equal(path, get["path"]);
            Assert.Equal(Port(settings, "Json"), ports[(string)get["port"]]);
        }

        var annotations = Map(Map(template["metadata"])["annotations"]);
        Assert.Equal(TelemetrySetup.MetricsPath, annotations["prometheus.io/path"]);
        Assert.Equal(Port(settings, "Json").ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);

        var security = Map(container["securityContext"]);
        Assert.Equal("true", security["readOnlyRootFilesystem"]);
        var pause = List(Map(Map(Map(container["lifecycle"])["preStop"])["exec"])["command"]);
        Assert.Equal("sleep", pause[0]);
        var preStop = int.Parse(pause[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(int.Parse((string)pod["terminationGracePeriodSeconds"], System.Globalization.CultureInfo.InvariantCulture)
            > preStop + double.Parse(settings["ImrPredict:ShutdownSeconds"]!, System.Globalization.CultureInfo.InvariantCulture));

        var mounts = List<object>(container["volumeMounts"]).Select(Map).ToDictionary(m => (string)m["mountPath"], m => (string)m["name"]);
        var volumes = List<object>(pod["volumes"]).Select(Map).ToDictionary(v => (string)v["name"]);
        var modelsVolume = volumes[mounts[settings["ImrPredict:ModelsDirectory"]!]];
        var claim = (string)Map(modelsVolume["persistentVolumeClaim"])["claimName"];
        Assert.Contains(mounts["/tmp"], volumes.Keys);
        Assert.True(volumes[mounts[settings["ImrPredict:DataDirectory"]!]].ContainsKey("emptyDir"));
        var pvc = Map(Documents("k8s/models-volume.yaml").Single());
        Assert.Equal(claim, Map(pvc["metadata"])["name"]);
        Assert.Contains("ReadWriteMany", List(Map(pvc["spec"])["accessModes"]));

        // The init container waits for the very file the service loads.
        var wait = string.Join(' ', List(Map(List<object>(pod["initContainers"]).Single())["command"]));
        Assert.Contains($"{settings["ImrPredict:ModelsDirectory"]}/{new ImrPredictOptions().BundleName}/{ModelBundle.ManifestFile}", wait, StringComparison.Ordinal);

        var services = Documents("k8s/service.yaml").Select(Map).ToList();
        var grpc = Map(services.Single(s => (string)Map(s["metadata"])["name"] == "imrpredict-grpc")["spec"]);
        Assert.Equal("None", grpc["clusterIP"]);
        foreach (var service in services.Select(s => Map(s["spec"])))
        {
            Assert.All(Map(service["selector"]), label => Assert.Equal(label.Value, podLabels[label.Key]));
            Assert.All(List<object>(service["ports"]).Select(Map), port => Assert.Contains((string)port["targetPort"], ports.Keys));
        }

        var cron = Map(Documents("k8s/retrain-cronjob.yaml").Single());
        var job = Map(Map(Map(Map(Map(cron["spec"])["jobTemplate"])["spec"])["template"])["spec"]);
        var retrain = Map(List<object>(job["containers"]).Single());
        Assert.Equal(container["image"], retrain["image"]);
        Assert.Contains($"retrain --models {settings["ImrPredict:ModelsDirectory"]} --bundle {new ImrPredictOptions().BundleName}", string.Join(' ', List(retrain["command"])), StringComparison.Ordinal);
        Assert.Equal(claim, Map(List<object>(job["volumes"]).Select(Map).Single(v => v.ContainsKey("persistentVolumeClaim"))["persistentVolumeClaim"])["claimName"]);
        Assert.Contains(List<object>(retrain["volumeMounts"]).Select(Map), m => (string)m["mountPath"] == settings["ImrPredict:ModelsDirectory"]);

        var bootstrapPod = Map(Map(Map(Map(Documents("k8s/bootstrap-job.yaml").Single())["spec"])["template"])["spec"]);
        var bootstrap = List<object>(bootstrapPod["containers"]).Single();
        Assert.Contains($"--out {settings["ImrPredict:ModelsDirectory"]}/{new ImrPredictOptions().BundleName}", string.Join(' ', List(Map(bootstrap)["command"])), StringComparison.Ordinal);
    }

    /// <summary>
    /// Checks every variable name against the settings the service reads and binds the values as the host would,
    /// validating them with the options' own rules; the settings by configuration key.
    /// </summary>
    private static Dictionary<string, string?> CheckedSettings(IReadOnlyDictionary<string, string> environment, string where, bool complete = true)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(ImrPredictOptions), typeof(ServiceLimits), typeof(StorageOptions) })
        {
            known.UnionWith(type.GetProperties().Select(p => $"ImrPredict:{p.Name}"));
        }

        foreach (var (call, _) in new CallLimitOptions().ByName())
        {
            known.UnionWith(typeof(CallLimit).GetProperties().Select(p => $"{CallLimitOptions.Section}:{call}:{p.Name}"));
        }

        known.UnionWith(typeof(Security.AuthOptions).GetProperties().Where(p => p.CanWrite && p.PropertyType != typeof(List<Security.ApiKeyEntry>)).Select(p => $"{Security.AuthOptions.Section}:{p.Name}"));
        known.UnionWith(Enumerable.Range(0, 8).SelectMany(k => typeof(Security.ApiKeyEntry).GetProperties().Select(p => $"{Security.AuthOptions.Section}:ApiKeys:{k}:{p.Name}")));
        known.UnionWith(typeof(Application.Audit.AuditOptions).GetProperties().Select(p => $"{Application.Audit.AuditOptions.Section}:{p.Name}"));

        var endpoints = new ConfigurationBuilder().AddJsonFile(Path.Combine(SharedDataLocation.RepositoryRoot(), "src", "ImrPredict.Server", "appsettings.json")).Build()
            .GetSection("Kestrel:Endpoints").GetChildren().Select(e => e.Key).ToList();
        known.UnionWith(endpoints.SelectMany(e => new[] { $"Kestrel:Endpoints:{e}:Url", $"Kestrel:Endpoints:{e}:Protocols" }));
        known.Add("ConnectionStrings:Determinations");

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("OTEL_", StringComparison.Ordinal))
            {
                continue;
            }

            var key = name.Replace("__", ":", StringComparison.Ordinal);
            Assert.True(known.Contains(key), $"{where}: {name} is not a setting the service reads");
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Validate(configuration.GetSection(ImrPredictOptions.Section).Get<ImrPredictOptions>() ?? new ImrPredictOptions(), where);
        Validate(configuration.GetSection(ServiceLimits.Section).Get<ServiceLimits>() ?? new ServiceLimits(), where);
        foreach (var (_, limit) in (configuration.GetSection(CallLimitOptions.Section).Get<CallLimitOptions>() ?? new CallLimitOptions()).ByName())
        {
            Validate(limit, where);
        }

        // Listening beyond loopback, a replica must have a way to authenticate, and never a key in clear text.
        var addresses = settings.Where(s => s.Key.StartsWith("Kestrel:Endpoints:", StringComparison.Ordinal) && s.Key.EndsWith(":Url", StringComparison.Ordinal)).Select(s => s.Value!).ToList();
        if (addresses.Count > 0 && complete)
        {
            var auth = configuration.GetSection(Security.AuthOptions.Section).Get<Security.AuthOptions>() ?? new Security.AuthOptions();
            Assert.Null(Security.AccessDecision.Decide(addresses, auth, null).Refusal);
            Assert.False(settings.ContainsKey("ImrPredict:ApiKey"), $"{where}: a key in clear text (ImrPredict:ApiKey); keep its hash in ImrPredict:Auth:ApiKeys");
        }

        return settings;
    }

    private static void Validate(object options, string where)
    {
        var errors = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true),
            $"{where}: {string.Join("; ", errors.Select(e => e.ErrorMessage))}");
    }

    private static int Port(IReadOnlyDictionary<string, string?> settings, string endpoint) =>
        new Uri(settings[$"Kestrel:Endpoints:{endpoint}:Url"]!.Replace("0.0.0.0", "host", StringComparison.Ordinal)).Port;

    private static double Seconds(string duration) => double.Parse(duration.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> DockerfileEnvironment(string text)
    {
        var block = Regex.Match(text, @"^ENV ((?:.*\\\n)*.*)$", RegexOptions.Multiline).Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal);
        return EnvPair().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    private static List<object> Documents(string file)
    {
        var parser = new Parser(new StringReader(File.ReadAllText(Path.Combine(Deploy, file))));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<object>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize(parser)!);
        }

        Assert.NotEmpty(documents);
        return documents;
    }

    private static Dictionary<string, object> Map(object node) =>
        Assert.IsType<Dictionary<object, object>>(node).ToDictionary(e => (string)e.Key, e => e.Value);

    private static List<string> List(object node) => List<object>(node).Select(o => (string)o).ToList();

    private static List<T> List<T>(object node) => Assert.IsType<List<object>>(node).Cast<T>().ToList();

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex EnvPair();
}
