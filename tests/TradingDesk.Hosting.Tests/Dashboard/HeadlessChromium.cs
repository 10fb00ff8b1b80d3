using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradingDesk.Hosting.Tests.Dashboard;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol: one browser process with a temporary profile,
/// one page, commands as JSON over a WebSocket (flattened sessions). Waiting is always for an event: a CDP reply, or a
/// promise in the page that a MutationObserver resolves once a condition holds; nothing sleeps or polls.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _replies = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly SemaphoreSlim _send = new(1, 1);
    private int _nextId;
    private string _session = "";

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The browser, or null with why not (no chromium on the PATH).</summary>
    public static string? Executable() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Starts the browser with a page of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static async Task<HeadlessChromium> StartAsync(int width, int height, TimeSpan within)
    {
        var exe = Executable() ?? throw new InvalidOperationException("no chromium: install Debian's chromium package (scripts/test.sh does, as root)");
        var profile = Directory.CreateTempSubdirectory("desk-chromium-").FullName;
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--headless=new", "--remote-debugging-port=0", $"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
            "--disable-gpu", "--disable-extensions", "--disable-background-networking", "--disable-sync", "--no-sandbox",
            $"--window-size={width},{height}", "about:blank",
        }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{exe} did not start");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException($"chromium exited before it listened: {log}"));
                return;
            }
            lock (log) log.AppendLine(e.Data);
            const string Marker = "DevTools listening on ";
            var at = e.Data.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0) listening.TrySetResult(e.Data[(at + Marker.Length)..].Trim());
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var endpoint = await listening.Task.WaitAsync(within);
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(endpoint), CancellationToken.None).WaitAsync(within);
            var browser = new HeadlessChromium(process, profile, socket);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, within);
            var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, within);
            browser._session = attached["sessionId"]!.GetValue<string>();
            await browser.SendAsync("Page.enable", new JsonObject(), within);
            await browser.SendAsync("Runtime.enable", new JsonObject(), within);
            await browser.SendAsync("Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, within);
            return browser;
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> and returns once its load event fired.</summary>
    public async Task NavigateAsync(Uri url, TimeSpan within)
    {
        var loaded = Event("Page.loadEventFired");
        var reply = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, within);
        if (reply["errorText"] is { } error) throw new InvalidOperationException($"navigation to {url} failed: {error}");
        await loaded.WaitAsync(within);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page (awaiting it when it is a promise) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, TimeSpan within)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true,
        }, within);
        if (reply["exceptionDetails"] is { } ex)
            throw new InvalidOperationException($"the page threw: {ex["exception"]?["description"] ?? ex["text"]}");
        return reply["result"]?["value"];
    }

    /// <summary>
    /// Returns once <paramref name="condition"/> (a JavaScript expression) is truthy in the page, with its value: checked
    /// now and again on every change of the document (a MutationObserver), so the wait ends on the change that makes it true.
    /// </summary>
    public Task<JsonNode?> WaitForAsync(string condition, TimeSpan within) => EvaluateAsync($$"""
        new Promise(resolve => {
          const check = () => { try { return ({{condition}}); } catch { return false; } };
          const first = check();
          if (first) { resolve(first); return; }
          const observer = new MutationObserver(() => { const v = check(); if (v) { observer.disconnect(); resolve(v); } });
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })
        """, within);

    /// <summary>A PNG of the page as it is now.</summary>
    public async Task<byte[]> ScreenshotAsync(TimeSpan within)
    {
        var reply = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, within);
        return Convert.FromBase64String(reply["data"]!.GetValue<string>());
    }

    private Task<JsonObject> SendAsync(string method, JsonObject parameters, TimeSpan within) => SendAsync(method, parameters, _session, within);

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, TimeSpan within)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!string.IsNullOrEmpty(session)) message["sessionId"] = session;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _stop.Token);
        }
        finally
        {
            _send.Release();
        }
        try
        {
            return await reply.Task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no answer to {method} within {within.TotalSeconds:0} s");
        }
        finally
        {
            _replies.TryRemove(id, out _);
        }
    }

    private Task<JsonObject> Event(string method) =>
        _events.GetOrAdd(method, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id && _replies.TryGetValue(id.GetValue<int>(), out var reply))
                {
                    if (json["error"] is { } error) reply.TrySetException(new InvalidOperationException($"CDP error: {error.ToJsonString()}"));
                    else reply.TrySetResult(json["result"]?.AsObject() ?? []);
                }
                else if (json["method"]?.GetValue<string>() is { } method && _events.TryRemove(method, out var waiter))
                {
                    waiter.TrySetResult(json["params"]?.AsObject() ?? []);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        foreach (var r in _replies.Values) r.TrySetException(new InvalidOperationException("the browser went away"));
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await _reader;
        }
        catch (Exception)
        {
        }
        _socket.Dispose();
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
