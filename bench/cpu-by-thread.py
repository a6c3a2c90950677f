#!/usr/bin/env python3
"""The CPU a JVM's threads took between two moments, by thread group, per request.

    cpu-by-thread.py PID snap FILE             remembers each thread's CPU now
    cpu-by-thread.py PID diff FILE REQUESTS    prints what each group took since, in µs a request

Threads are grouped by name with the digits taken out (policy-http-1, policy-http-2: policy-http-N); /proc
keeps the first 15 characters of a name. Kernel time (system calls: the sockets) is shown apart.
"""
import collections
import json
import os
import re
import sys


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            with open(f'/proc/{pid}/task/{tid}/stat') as stat:
                line = stat.read()
        except FileNotFoundError:
            continue  # the thread ended meanwhile
        name = line[line.index('(') + 1:line.rindex(')')]
        fields = line[line.rindex(')') + 2:].split()
        threads[tid] = (name, int(fields[11]), int(fields[12]))  # utime, stime in clock ticks
    return threads


def main(pid, command, file, requests=None):
    if command == 'snap':
        with open(file, 'w') as out:
            json.dump(snapshot(pid), out)
        return
    with open(file) as saved:
        before = json.load(saved)
    requests = int(requests)
    tick_us = 1e6 / os.sysconf('SC_CLK_TCK')
    total, kernel = collections.Counter(), collections.Counter()
    for tid, (name, user, system) in snapshot(pid).items():
        user0, system0 = before[tid][1:] if tid in before else (0, 0)
        group = re.sub(r'\d+', 'N', name)
        total[group] += (user - user0) + (system - system0)
        kernel[group] += system - system0
    print(f'{sum(total.values()) * tick_us / requests:.1f} µs of CPU a request over {requests} requests')
    for group, ticks in total.most_common():
        if ticks:
            print(f'  {group:16s} {ticks * tick_us / requests:6.1f} µs (kernel {kernel[group] * tick_us / requests:5.1f})')


if __name__ == '__main__':
    main(*sys.argv[1:])
