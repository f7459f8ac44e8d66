#!/usr/bin/env python3
"""tools/wasm/size-breakdown.py [BUILD_DIR]: where the wasm reactor's bytes are (default build-wasm/).

Prints the sections of qjs-opt.wasm (code, data), its largest data segments, and the code and data of
the engine's objects (libqjsengine.a, before linking and wasm-opt) summed by source folder, from
`llvm-objdump -h`. Used to find what to cut for the size target (tools/wasm/build.sh prints the total)."""
import collections
import re
import subprocess
import sys
from pathlib import Path

build = Path(sys.argv[1] if len(sys.argv) > 1 else 'build-wasm')


def leb(b, i):
    value = shift = 0
    while True:
        x = b[i]
        i += 1
        value |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return value, i


def module_report(path):
    data = path.read_bytes()
    names = {1: 'type', 2: 'import', 3: 'function', 7: 'export', 10: 'code', 11: 'data'}
    i, segments = 8, []
    print(f'{path}: {len(data)} bytes')
    while i < len(data):
        sid = data[i]
        size, start = leb(data, i + 1)
        if sid == 11:
            count, j = leb(data, start)
            for _ in range(count):
                flags, j = leb(data, j)
                if flags == 0:  # active segment: an i32.const offset expression
                    _, j = leb(data, j + 1)
                    j += 1
                n, j = leb(data, j)
                segments.append((n, data[j:j + 40]))
                j += n
        if sid in names:
            print(f'  section {names[sid]:9} {size:9}')
        i = start + size
    segments.sort(key=lambda s: -s[0])
    print(f'  {len(segments)} data segments; the largest:')
    for n, head in segments[:5]:
        print(f'    {n:8}  {head!r}')


def objects_report(archive):
    out = subprocess.run(['llvm-objdump', '-h', str(archive)], capture_output=True, text=True).stdout
    sizes = {'CODE': collections.Counter(), 'DATA': collections.Counter()}
    current = None
    for line in out.splitlines():
        m = re.match(r'.*\((.*)\.obj\):', line)
        if m:
            current = m.group(1)
            continue
        parts = line.split()
        if len(parts) >= 3 and parts[1] in sizes:
            sizes[parts[1]][current] += int(parts[2], 16)
    folders = {}
    for obj in (build / 'CMakeFiles/qjsengine.dir/src').rglob('*.obj'):
        folders[obj.name[:-4]] = obj.parent.name
    print(f'{archive} (before linking; DATA includes zero-filled arrays, which the module does not store):')
    for kind, counter in sizes.items():
        by_folder = collections.Counter()
        for name, n in counter.items():
            by_folder[folders.get(name, '?')] += n
        print(f'  {kind} {sum(counter.values())}: ' + ', '.join(f'{f} {n}' for f, n in by_folder.most_common()))
        print('    largest: ' + ', '.join(f'{name} {n}' for name, n in counter.most_common(8)))


module_report(build / 'qjs-opt.wasm')
objects_report(build / 'libqjsengine.a')
