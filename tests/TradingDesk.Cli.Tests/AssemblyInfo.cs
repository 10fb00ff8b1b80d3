// Each gateway verb test runs a simulator and whole desks on real sockets; on the 2-core machines running them in
// parallel classes starved some requests past their deadlines. One class at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
