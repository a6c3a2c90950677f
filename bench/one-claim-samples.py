#!/usr/bin/env python3
"""What the threads of `serve` were doing in a flight recording, by part of a one-claim request.

    jfr print --stack-depth 200 --events jdk.ExecutionSample one.jfr > samples.txt
    one-claim-samples.py samples.txt [FROM [TO]]      FROM, TO: times of day (HH:MM:SS) bounding the samples counted

Each sample goes to the first part (in the order below) whose method is on its stack; a sample in none of them
is the JDK's HTTP server's own work when its stack runs through sun.net.httpserver.
"""
import collections
import re
import sys

PARTS = [
    ('reading the claim', ['OneClaim.read', 'Http.readClaimBody']),
    ('deciding', ['LiveRules.decide', 'LiveRules.check']),
    ('writing the decision', ['AnswerJson.decision']),
    ('the decision id', ['DecisionLog.newId']),
    ('sending the answer (the JDK server)', ['Http.send']),
    ('metrics', ['ServiceMetrics']),
    ('access control', ['Gate.']),
    ('routing, language, content type', ['Router.', 'ClaimEndpoints.', 'Languages.', 'Http.']),
]


def main(file, start='00:00:00', end='99:99:99'):
    with open(file) as samples:
        events = samples.read().split('jdk.ExecutionSample')[1:]
    counted = collections.Counter()
    for event in events:
        time = re.search(r'startTime = (\d\d:\d\d:\d\d)', event)
        if time and not start <= time.group(1) <= end:
            continue
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        group = re.sub(r'\d+', 'N', thread.group(1)) if thread else '?'
        stack = ' '.join(re.findall(r'^\s+([\w.$<>]+)\(', event, re.M))
        part = next((name for name, methods in PARTS if any(m in stack for m in methods)), None)
        if part is None:
            part = 'the JDK server: reading the request, the exchange, the pool' if 'httpserver' in stack else 'other'
        counted[(group, part)] += 1
    total = sum(counted.values())
    print(f'{total} samples')
    for (group, part), n in counted.most_common():
        print(f'{100 * n / total:5.1f} %  {group:16s} {part}')


if __name__ == '__main__':
    main(*sys.argv[1:])
