// Every test here is an Akka.NET TestKit test: probes, the TestScheduler and DeskTestKit.
global using Akka.Actor;
global using Akka.Event;
global using Akka.TestKit;
global using TradingDesk.Testing;
