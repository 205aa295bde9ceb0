// Data-access code that mentions keys, tokens and secrets everywhere but never hands a literal to a secret-named
// target: RDY1201 reports nothing here, so the textual gate must spare Roslyn the parse.
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public sealed class OrderContext(DbContextOptions<OrderContext> options) : DbContext(options)
{
    private const string KeyColumn = "Id";
    private const string TokenType = "Bearer";
    public string SecretName { get; init; } = "shop/db";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().HasKey(o => o.Id);
        modelBuilder.Entity<Order>().Property(o => o.ConcurrencyToken).IsConcurrencyToken();
        var key = "Orders";
        modelBuilder.Entity<ApiKeyRecord>().ToTable(key);
    }

    public Task<Order?> FindAsync(int id, CancellationToken cancellationToken) =>
        Orders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public bool IsBearer(string token) => token == TokenType || token.StartsWith("Bearer ", System.StringComparison.Ordinal);

    public DbSet<Order> Orders => Set<Order>();
}
