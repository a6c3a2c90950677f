#!/usr/bin/env python3
"""Every CPU sample of a `serve` process by thread and layer: Java code, the JVM's own code (allocation, locks,
the collector, the compilers), the C library, or the kernel, and the kernel's by system call. What `perf` sees
beyond a flight recording, which sees only Java threads running Java (bench/one-claim-samples.py splits that part).

    perf record -F 999 -g -p PID -o perf.data -- sleep 10     (serve started with -XX:+UnlockDiagnosticVMOptions
    perf script -i perf.data -F comm,tid,ip,sym,dso > perf.txt  -XX:+DumpPerfMapAtExit, and stopped before perf script)
    perf-layers.py perf.txt [MICROSECONDS_A_REQUEST]

Given the CPU a request takes (bench/cpu-by-thread.py), the shares are also given in µs a request.
"""
import collections
import re
import sys

KERNEL_CALLS = [('sending (write)', ('tcp_sendmsg', 'sys_write', 'sys_sendto')),
                ('receiving (read)', ('tcp_recvmsg', 'sys_read', 'sys_recvfrom')),
                ('waking and parking threads (futex)', ('futex',)), ('epoll', ('epoll',)), ('fcntl', ('fcntl',))]


def samples(file):
    thread, frames = None, []
    for line in open(file, errors='replace'):
        if not line.strip():
            if thread is not None:
                yield thread, frames
            thread, frames = None, []
        elif not line.startswith(('\t', ' ')):
            thread = re.sub(r'\s+\d+\s*$', '', line.rstrip())
        else:
            match = re.match(r'\s*[0-9a-f]+ (.*) \((.*)\)$', line.rstrip())
            if match:
                frames.append((match.group(1), match.group(2)))
    if thread is not None:
        yield thread, frames


def layer_of(dso):
    if 'kernel' in dso:
        return 'kernel'
    if 'libjvm' in dso:
        return 'JVM'
    if 'libc' in dso:
        return 'libc'
    return 'Java'  # [JIT] (a perf map) or unknown: compiled code, the interpreter, stubs


def main(file, per_request=None):
    cells, threads, kernel = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(file):
        total += 1
        group = re.sub(r'\d+', 'N', thread.strip())
        layer = layer_of(frames[0][1] if frames else '')
        threads[group] += 1
        cells[(group, layer)] += 1
        if layer == 'kernel':
            stack = ' '.join(symbol for symbol, _ in frames)
            kernel[next((name for name, marks in KERNEL_CALLS if any(m in stack for m in marks)), 'other (scheduling, interrupts)')] += 1
    scale = float(per_request) / total if per_request else None
    amount = lambda n: f'{100 * n / total:5.1f} %' + (f' {n * scale:5.1f} µs' if scale else '')
    print(f'{total} samples' + (f', {per_request} µs of CPU a request' if scale else ''))
    for group, n in threads.most_common(8):
        print(f'{amount(n)}  {group:18s} ' + ', '.join(f'{layer} {amount(cells[(group, layer)]).strip()}'
                                                      for layer in ('Java', 'JVM', 'libc', 'kernel') if cells[(group, layer)]))
    layers = collections.Counter()
    for (group, layer), n in cells.items():
        layers[layer] += n
    print('all threads: ' + ', '.join(f'{layer} {amount(n).strip()}' for layer, n in layers.most_common()))
    print('the kernel by system call: ' + ', '.join(f'{name} {amount(n).strip()}' for name, n in kernel.most_common()))


if __name__ == '__main__':
    main(*sys.argv[1:])
