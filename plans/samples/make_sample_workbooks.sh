#!/usr/bin/env bash
# Makes the sample workbooks of the monthly loop with the loop itself: loads the Shenyang plan
# and the 2023–2024 sample returns, dispatches January 2025 to two departments, and fills their
# workbooks in LibreOffice as the departments would (tests/office/FillReturn.xba), writing
#   shenyang/dispatch-2025-01/2025-01-OWNER.xlsx   the workbooks as dispatched
#   shenyang/returns-2025-01-OWNER.xlsx            the same, filled in and saved by LibreOffice
# The content is invented (see README.md). Needs soffice (libreoffice-calc-nogui).
# Usage: plans/samples/make_sample_workbooks.sh PLANTRACK_BINARY
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")"
here=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PLANTRACK_DB="$work/plantrack.db"
"$binary" plan load ../shenyang-2023-2025.yaml
"$binary" import shenyang/returns-2023.csv
"$binary" import shenyang/returns-2024.csv
rm -rf shenyang/dispatch-2025-01 && mkdir shenyang/dispatch-2025-01
for owner in 市发展改革委 市商务局; do
    "$binary" dispatch 2025-01 --owner "$owner" -o shenyang/dispatch-2025-01
done
profile="file://$work/profile"
office() { timeout 180 soffice -env:UserInstallation="$profile" --headless "$@" > "$work/office.log" 2>&1; }
# The first start creates the profile; then the macro goes into its Standard library.
office --convert-to csv --outdir "$work" "shenyang/dispatch-2025-01/2025-01-市商务局.xlsx"
cp ../../tests/office/FillReturn.xba "$work/profile/user/basic/Standard/Module1.xba"
fill() { # OWNER EDITS
    office "macro:///Standard.Module1.FillReturn(\"$here/shenyang/dispatch-2025-01/2025-01-$1.xlsx\",\"$here/shenyang/returns-2025-01-$1.xlsx\",\"$2\")"
    echo "filled shenyang/returns-2025-01-$1.xlsx"
}
fill 市发展改革委 "F2=正常推进;G2=#63;H2=国家物流枢纽项目按计划推进;J2=王明;\
F3=正常推进;G3=#56;J3=王明;\
F4=正常推进;G4=#5;H4=一季度项目集中开工准备;J4=王明;\
F6=滞后;G6=#78;H6=部分央地合作项目资金未落实;J6=王明;\
F7=已完成;G7=#100;H7=重点项目已全部开工;J7=王明;\
F8=正常推进;G8=#58;J8=王明;\
F9=存在风险;G9=#57;H9=集群认定材料尚在补充;J9=王明;\
F11=已完成;G11=#100;H11=园区扩区调规完成;J11=王明;\
F12=滞后;G12=#85;H12=平台对接进度慢于预期;J12=王明"
fill 市商务局 "F2=正常推进;G2=#58;J2=李华;\
F3=存在风险;G3=#39;H3=外贸订单回落;J3=李华;\
F4=正常推进;G4=#63;J4=李华"
