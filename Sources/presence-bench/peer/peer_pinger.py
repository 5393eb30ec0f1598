#!/usr/bin/python3
"""The reference pinger of presence-bench --peer: a naive but reasonable asyncio + aiohttp
program sending the daemon's agentOnlinePing for the same roster, so that the bench can
compare CPU per ping.

One task per agent, one shared ClientSession (keep-alive, at most --max-in-flight
connections). Each agent has a random phase in the interval; its first ping goes out at the
same fraction of the startup window (the daemon's spread), the next ones on its grid
(phase + k * interval) plus a fresh jitter in +-jitter. The API key is read from a file.
On SIGTERM it prints one JSON line of counts and exits.
"""

import argparse
import asyncio
import json
import random
import signal
import ssl
import sys

import aiohttp


def parse_arguments():
    """The command line; the key itself is only ever in the file it names."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8080/v3")
    parser.add_argument("--api-key-file", required=True, help="file holding the api-key")
    parser.add_argument("--agents", type=int, required=True, help="roster size")
    parser.add_argument("--agent-prefix", default="bench-agent-", help="agent IDs are PREFIX0..PREFIXn-1")
    parser.add_argument("--received-from", default="presence-bench")
    parser.add_argument("--interval", type=float, required=True, help="seconds")
    parser.add_argument("--jitter", type=float, default=0.0, help="seconds")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds")
    parser.add_argument("--startup-window", type=float, default=3.0, help="seconds")
    parser.add_argument("--max-in-flight", type=int, default=256, help="connection limit")
    parser.add_argument("--ca-file", help="CA to trust for https")
    return parser.parse_args()


class Counts:
    """Requests sent, answered with 2xx, and failed (other statuses, timeouts, errors)."""

    def __init__(self):
        self.sent = 0
        self.ok = 0
        self.failed = 0


async def agent_loop(session, url, agent_id, options, origin, counts):
    """Pings as one agent until cancelled: a first ping in the startup window, then its grid."""
    loop = asyncio.get_running_loop()
    body = json.dumps({"agentId": agent_id, "receivedFrom": options.received_from}, separators=(",", ":"))
    phase = random.uniform(0, options.interval)
    await asyncio.sleep(max(0.0, origin + phase / options.interval * options.startup_window - loop.time()))
    while True:
        sent_at = loop.time()
        counts.sent += 1
        try:
            async with session.post(url, data=body) as response:
                await response.read()
                if 200 <= response.status < 300:
                    counts.ok += 1
                else:
                    counts.failed += 1
        except (aiohttp.ClientError, asyncio.TimeoutError):
            counts.failed += 1
        # The next grid tick at least half an interval after this ping, plus jitter.
        earliest = sent_at + options.interval / 2
        tick = max(0, int((earliest - origin - phase) // options.interval) + 1)
        due = origin + phase + tick * options.interval + random.uniform(-options.jitter, options.jitter)
        await asyncio.sleep(max(0.0, due - loop.time()))


async def main():
    """Starts one task per agent on one session, runs until SIGTERM, prints the counts."""
    options = parse_arguments()
    with open(options.api_key_file, encoding="utf-8") as key_file:
        api_key = key_file.read().strip()
    url = options.base_url.rstrip("/") + "/conversations/agentOnlinePing"
    ssl_context = ssl.create_default_context(cafile=options.ca_file) if options.ca_file else None
    connector = aiohttp.TCPConnector(limit=options.max_in_flight, ssl=ssl_context)
    headers = {"Content-Type": "application/json", "Accept": "application/json", "api-key": api_key}
    timeout = aiohttp.ClientTimeout(total=options.timeout)
    counts = Counts()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # A parent may hand down a mask blocking them (a test runner does), which would hold SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stop.set)
    async with aiohttp.ClientSession(connector=connector, headers=headers, timeout=timeout) as session:
        origin = loop.time()
        tasks = [
            asyncio.create_task(agent_loop(session, url, options.agent_prefix + str(index), options, origin, counts))
            for index in range(options.agents)
        ]
        await stop.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    print(json.dumps({"sent": counts.sent, "ok": counts.ok, "failed": counts.failed}), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
