using Readiness.Rules.Model;

namespace Readiness.Tests.Model;

public class FileKindTests
{
    [Theory]
    [InlineData("api/config/settings.py", FileRole.Application, FileEnvironment.Unnamed)]
    [InlineData("api/config/settings/production.py", FileRole.Application, FileEnvironment.Production)]
    [InlineData("api/config/settings/staging.py", FileRole.Application, FileEnvironment.Staging)]
    [InlineData("api/config/settings/local.py", FileRole.Application, FileEnvironment.Development)]
    [InlineData("infrastructure/terraform/environments/prod/terraform.tfvars", FileRole.Application, FileEnvironment.Production)]
    [InlineData("deploy/docker-compose.prod.yml", FileRole.Application, FileEnvironment.Production)]
    [InlineData("docker-compose.override.yml", FileRole.Application, FileEnvironment.Unnamed)]
    [InlineData("src/Orders/appsettings.Development.json", FileRole.Application, FileEnvironment.Development)]
    [InlineData("src/Orders/appsettings.Staging.json", FileRole.Application, FileEnvironment.Staging)]
    [InlineData("apps/api/.env.example", FileRole.Example, FileEnvironment.Unnamed)]
    [InlineData("apps/api/.env.dist", FileRole.Example, FileEnvironment.Unnamed)]
    [InlineData("examples/basic/main.tf", FileRole.Example, FileEnvironment.Unnamed)]
    [InlineData("tests/test_views.py", FileRole.Test, FileEnvironment.Test)]
    [InlineData("src/Orders.Tests/OrdersTests.cs", FileRole.Test, FileEnvironment.Test)]
    [InlineData("web/src/app.spec.ts", FileRole.Test, FileEnvironment.Unnamed)]
    [InlineData("docs/deploy.md", FileRole.Docs, FileEnvironment.Unnamed)]
    [InlineData("web/node_modules/express/lib/router.js", FileRole.Vendored, FileEnvironment.Unnamed)]
    [InlineData("web/dist/assets/index.js", FileRole.Generated, FileEnvironment.Unnamed)]
    [InlineData("web/public/app.min.js", FileRole.Generated, FileEnvironment.Unnamed)]
    // A word inside a longer folder name is not an environment: "testai" is not "test".
    [InlineData("samples/coco-testai/api/coco/settings/base.py", FileRole.Application, FileEnvironment.Unnamed)]
    // The nearest folder naming an environment wins, and the file's own name decides first.
    [InlineData("environments/staging/prod-db/main.tf", FileRole.Application, FileEnvironment.Production)]
    [InlineData("environments/staging/prod-db/dev.tfvars", FileRole.Application, FileEnvironment.Development)]
    [InlineData("environments/staging/prod-db/main.example.tf", FileRole.Example, FileEnvironment.Production)]
    [InlineData("Web\\Docs\\guide.txt", FileRole.Docs, FileEnvironment.Unnamed)]
    public void Classifies_paths(string path, FileRole role, FileEnvironment environment)
    {
        var kind = FileKind.Of(path);
        kind.Role.ShouldBe(role);
        kind.Environment.ShouldBe(environment);
    }

    [Theory]
    [InlineData("settings.py", true)]
    [InlineData("settings/staging.py", true)]
    [InlineData("environments/prod/terraform.tfvars", true)]
    [InlineData("settings/local.py", false)]
    [InlineData("settings/test.py", false)]
    [InlineData(".env.example", false)]
    [InlineData("vendor/lib/config.py", false)]
    public void Staging_and_unnamed_files_reach_production_development_tests_and_examples_do_not(string path, bool reaches) =>
        FileKind.Of(path).ReachesProduction.ShouldBe(reaches);

    [Fact]
    public void The_file_name_decides_before_its_folders()
    {
        var kind = FileKind.Of("environments/prod/docker-compose.dev.yml");
        kind.Environment.ShouldBe(FileEnvironment.Development);
        kind.EnvironmentWord.ShouldBe("dev");
    }
}
