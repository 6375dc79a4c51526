namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>
/// What a stopped Galera node's datadir says about its last committed write: the seqno read from
/// grastate.dat or <c>mariadbd --wsrep-recover</c> (null when it could not be read), and whether
/// grastate.dat marks it safe to bootstrap.
/// </summary>
internal sealed record GaleraNodeSeqno(int Ordinal, long? Seqno, bool SafeToBootstrap);
