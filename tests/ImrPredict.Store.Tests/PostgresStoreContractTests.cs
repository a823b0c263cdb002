namespace ImrPredict.Store.Tests;

/// <summary>The store contract on PostgreSQL, the store replicas share.</summary>
public sealed class PostgresStoreContractTests() : StoreContract(StoreFactory.Postgres());
