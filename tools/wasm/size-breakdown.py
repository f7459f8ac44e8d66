#!/usr/bin/env python3
"""tools/wasm/size-breakdown.py [BUILD_DIR]: where the wasm reactor's bytes are (default build-wasm/).

Prints the sections of qjs-opt.wasm (code, data), its largest data segments, and from the linker's
map (qjs.wasm.map) the code and data by library and by C++ namespace, and the largest functions and
data symbols. Used to find what to cut for the size target (tools/wasm/build.sh prints the total)."""
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


def map_report(path):
    """Functions and data symbols of the linked module by size, from the linker's map (qjs.wasm.map):
    sizes as wasm-ld wrote them, before wasm-opt (which clang's driver already runs at link when it is
    installed, and the build again): the module's code is about a fifth smaller. The engine's code is
    summed by object and by C++ namespace (with QJS_WASM_LTO its objects are one, lto.tmp)."""
    if not path.exists():
        print(f'{path}: missing (a build of platform/wasm writes it)')
        return
    section, symbols = None, {'CODE': [], 'DATA': []}
    for line in path.read_text().splitlines():
        cols = line.split(None, 4)
        if len(cols) == 4 and cols[3].isupper():
            section = cols[3]
        elif section in symbols and len(cols) == 4 and cols[3].endswith(')') and ':(' in cols[3]:
            origin, _, name = cols[3][:-1].partition(':(')
            # Data symbols are named by their section (.rodata.NAME); bare .rodata holds merged strings.
            name = re.sub(r'^\.(?:rodata|data|bss)\.(?=.)', '', name)
            symbols[section].append((int(cols[2], 16), name, origin))
    names = [n for kind in symbols.values() for _, n, _ in kind]
    demangled = subprocess.run(['llvm-cxxfilt-19'], input='\n'.join(names), capture_output=True,
                               text=True).stdout.splitlines()
    pretty = dict(zip(names, demangled)) if len(demangled) == len(names) else {}
    for kind, entries in symbols.items():
        by_origin, by_namespace, by_object = collections.Counter(), collections.Counter(), collections.Counter()
        for size, name, origin in entries:
            lib = re.search(r'lib[^/(]*\.a', origin)
            lib = lib.group(0) if lib and lib.group(0) != 'libqjsengine.a' else None
            by_origin[lib or 'engine'] += size
            obj = re.search(r'\(([^()]+)\.obj\)$', origin)
            if obj:
                by_object[obj.group(1)] += size
            if not lib:
                full = pretty.get(name, name)
                m = re.match(r'(?:[\w:<>, *&]+ )?((?:\w+::){1,2})', full)
                by_namespace[m.group(1) if m else '(other)'] += size
        print(f'{path} {kind} {sum(s for s, _, _ in entries)}: ' +
              ', '.join(f'{o} {n}' for o, n in by_origin.most_common()))
        print('  engine by namespace: ' + ', '.join(f'{ns} {n}' for ns, n in by_namespace.most_common(12)))
        if by_object:
            print('  by object: ' + ', '.join(f'{o} {n}' for o, n in by_object.most_common(16)))
        print('  largest:')
        for size, name, origin in sorted(entries, reverse=True)[:25]:
            print(f'    {size:7}  {pretty.get(name, name)[:110]}')


module_report(build / 'qjs-opt.wasm')
map_report(build / 'qjs.wasm.map')
