#!/usr/bin/env bash
# Regenerates the Swift code for the Spark Connect protocol in Generated/.
#
# The generated code is made once, by hand, and committed, so that neither a developer's build nor
# CI ever needs protoc or the two Swift protoc plugins: building protoc-gen-swift and
# protoc-gen-grpc-swift-2 from source takes many minutes, and the protocol only changes when we move
# to another Spark release. The .proto definitions come from the compiled descriptors that PySpark's
# generated Python modules carry (pyspark/sql/connect/proto/*_pb2.py), collected into a
# FileDescriptorSet, so no download of Spark's sources is needed; those descriptors carry no source
# comments, so the generated Swift has none either. Only spark/connect/base.proto (the
# SparkConnectService) and the files it imports transitively are generated; google/protobuf/*.proto
# are the well-known types that SwiftProtobuf itself provides. To move to another Spark release or
# plugin version, change the pins below, run this script from anywhere, and commit Generated/.
#
# Usage: bash Sources/SparkConnectProtocol/regenerate.sh
# Scratch files (plugin checkouts and builds, the descriptor set) go to .build-protoc/ at the top
# of the repository, which .gitignore's `.build-*` covers.
set -euo pipefail

PYSPARK_VERSION=4.3.0
SWIFT_PROTOBUF_VERSION=1.39.0       # protoc-gen-swift; the SwiftProtobuf runtime must be >= this
GRPC_SWIFT_PROTOBUF_VERSION=2.4.1   # protoc-gen-grpc-swift-2 (gRPC Swift 2 code generator)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="$repo/.build-protoc"
out="$here/Generated"
mkdir -p "$scratch"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. protoc (Debian's protobuf-compiler) and PySpark with its Connect extra (for the descriptors).
if ! command -v protoc >/dev/null; then
    as_root apt-get update
    as_root apt-get install -y protobuf-compiler
fi
if ! python3 - "$PYSPARK_VERSION" <<'PY' 2>/dev/null
import sys, importlib.metadata as m
sys.exit(m.version("pyspark") != sys.argv[1])
PY
then
    python3 -m pip install "pyspark[connect]==$PYSPARK_VERSION"
fi

# 2. The two protoc plugins, built from source with exact pins through a small wrapper package
#    (one build of SwiftProtobuf serves both). A debug build is enough: the output is the same and
#    it compiles much faster than -c release.
plugins="$scratch/plugins"
mkdir -p "$plugins/Sources/Placeholder"
cat > "$plugins/Package.swift" <<SWIFT
// swift-tools-version:6.1
// Written by Sources/SparkConnectProtocol/regenerate.sh; only used to build the protoc plugins.
import PackageDescription

let package = Package(
    name: "QuarryProtocPlugins",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "$SWIFT_PROTOBUF_VERSION"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", exact: "$GRPC_SWIFT_PROTOBUF_VERSION"),
    ],
    targets: [
        .target(name: "Placeholder", dependencies: [
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        ]),
    ]
)
SWIFT
echo "// Placeholder so the wrapper package has a target." > "$plugins/Sources/Placeholder/Placeholder.swift"
for product in protoc-gen-swift protoc-gen-grpc-swift-2; do
    (cd "$plugins" && swift build --product "$product")
done
bin="$(cd "$plugins" && swift build --show-bin-path)"

# 3. The FileDescriptorSet: every file base.proto depends on, dependencies first.
descriptors="$scratch/spark-connect.pb"
python3 - "$descriptors" <<'PY'
import sys, warnings
warnings.simplefilter("ignore")  # PySpark warns about the pandas version on import
from google.protobuf import descriptor_pb2
from pyspark.sql.connect.proto import base_pb2

fds = descriptor_pb2.FileDescriptorSet()
seen = set()
def add(fd):
    if fd.name in seen:
        return
    seen.add(fd.name)
    for dep in fd.dependencies:
        add(dep)
    fd.CopyToProto(fds.file.add())
add(base_pb2.DESCRIPTOR)
with open(sys.argv[1], "wb") as f:
    f.write(fds.SerializeToString())
PY

# 4. Generate. Only the spark/connect files: the google/protobuf ones are in SwiftProtobuf. The
#    gRPC plugin gets only the files that declare services (base.proto): on the others it would
#    write a file saying "This file contained no services".
protos=()
services=()
while read -r name has_services; do
    protos+=("$name")
    if [ "$has_services" = 1 ]; then services+=("$name"); fi
done < <(python3 - "$descriptors" <<'PY'
import sys
from google.protobuf import descriptor_pb2
fds = descriptor_pb2.FileDescriptorSet.FromString(open(sys.argv[1], "rb").read())
for f in fds.file:
    if not f.name.startswith("google/protobuf/"):
        print(f.name, int(len(f.service) > 0))
PY
)
rm -rf "$out"
mkdir -p "$out"
protoc \
    --descriptor_set_in="$descriptors" \
    --plugin=protoc-gen-swift="$bin/protoc-gen-swift" \
    --swift_opt=Visibility=Public \
    --swift_opt=FileNaming=PathToUnderscores \
    --swift_out="$out" \
    "${protos[@]}"
protoc \
    --descriptor_set_in="$descriptors" \
    --plugin=protoc-gen-grpc-swift-2="$bin/protoc-gen-grpc-swift-2" \
    --grpc-swift-2_opt=Visibility=Public \
    --grpc-swift-2_opt=Client=true \
    --grpc-swift-2_opt=Server=false \
    --grpc-swift-2_opt=FileNaming=PathToUnderscores \
    --grpc-swift-2_out="$out" \
    "${services[@]}"

echo "Generated ${#protos[@]} proto files (${#services[@]} with services) into $out:"
ls -l "$out"
