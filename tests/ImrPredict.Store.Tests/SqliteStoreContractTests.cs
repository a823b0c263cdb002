namespace ImrPredict.Store.Tests;

/// <summary>The store contract on SQLite, the embedded default.</summary>
public sealed class SqliteStoreContractTests() : StoreContract(StoreFactory.Sqlite());
