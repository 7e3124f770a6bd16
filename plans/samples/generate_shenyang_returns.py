#!/usr/bin/env python3
"""Generate ILLUSTRATIVE monthly status returns for the Shenyang 2023-2025 plan.

Reads plans/shenyang-2023-2025.yaml and writes
plans/samples/shenyang/returns-2023.csv and returns-2024.csv
(header: item,date,status,progress,note,by; UTF-8 without BOM; RFC 4180 quoting).

The history is invented (fixed random seed, so the output is reproducible):
mostly month-end updates per active item, progress rising over time, a few
items done early, some done late, several at risk or delayed with a reason,
one milestone cancelled, some tasks never reported, and some items whose
reporting stops in mid-2024 (stale at the end of 2024).

Usage: python3 plans/samples/generate_shenyang_returns.py
"""
import csv
import datetime as dt
import os
import random

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN = os.path.join(HERE, '..', 'shenyang-2023-2025.yaml')
OUT = os.path.join(HERE, 'shenyang')
WINDOW_END = dt.date(2024, 12, 31)
SEED = 20230223  # the day the plan was adopted

D = dt.date.fromisoformat


def month_ends(first, last):
    """Month-end dates from the month of `first` to `last` inclusive."""
    y, m = first.year, first.month
    out = []
    while True:
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        end = nxt - dt.timedelta(days=1)
        if end > last:
            break
        out.append(end)
        y, m = nxt.year, nxt.month
    return out


def prev_month_end(d):
    return d.replace(day=1) - dt.timedelta(days=1)


# ---------------------------------------------------------------- the story
# Tasks that never report anything.
NEVER = {'17', '31', '47', '50', '52', '63'}

# Items whose reporting stops (last update on that date) -> stale at 2024-12-31.
STOP = {
    '4': D('2024-05-31'), '11': D('2024-06-30'), '16': D('2024-07-31'),
    '34': D('2024-04-30'), '57': D('2024-06-30'), '22.3': D('2024-06-30'),
}

# Completion dates that differ from "on or just before the due date".
DONE = {
    # early
    '1.1': D('2023-05-31'), '5.1': D('2023-04-20'), '15.1': D('2023-05-31'),
    '25.1': D('2023-04-30'), '27.1': D('2023-08-31'), '45.1': D('2023-05-31'),
    '32': D('2023-11-30'), '7': D('2024-11-30'), '23.1': D('2023-07-31'),
    '59.1': D('2023-03-31'), '14.1': D('2023-08-31'),
    # late
    '6.1': D('2023-11-30'), '38.1': D('2024-03-31'), '15.2': D('2024-02-29'),
    '27.2': D('2024-02-29'), '27': D('2024-03-31'), '44.2': D('2024-09-30'),
    '40.2': D('2024-11-30'), '19.2': D('2024-12-31'), '38.2': D('2024-08-31'),
    '38': D('2024-09-30'), '8.1': D('2023-10-31'), '65.1': D('2023-08-31'),
    # on time, explicitly
    '60': D('2024-12-31'), '48.1': D('2023-12-31'), '39.3': D('2024-11-30'),
    '61.2': D('2024-08-31'), '36.1': D('2023-12-31'), '12.1': D('2023-10-31'),
}

# Due on or before 2024-12-31 but not done by then.
NOT_DONE = {'30', '20', '21', '22.2', '12.2', '12', '29', '48.2', '48', '36.2',
            '46.2', '13.2', '8.2', '59.3', '1.2', '6.2'}

# (from, to, note): status at-risk on update dates within [from, to].
AT_RISK = {
    '2': [(D('2024-04-30'), D('2024-08-31'), '受房地产投资下滑影响，固定资产投资增速低于年度目标')],
    '2.2': [(D('2024-04-30'), D('2024-09-30'), '新开工亿元以上项目数量不足，投资完成进度偏慢')],
    '6.1': [(D('2023-09-30'), D('2023-10-31'), '实施方案需报省国资委审核，印发时间推迟')],
    '13.2': [(D('2024-06-30'), D('2024-12-31'), '两个机器人整机项目投产延迟，产值低于年度目标')],
    '36.2': [(D('2024-05-31'), D('2024-12-31'), '集结中心场站用地手续未完成，工期紧张')],
    '39.3': [(D('2024-07-31'), D('2024-09-30'), '部分小区居民意见不统一，开工推迟')],
    '44.2': [(D('2024-04-30'), D('2024-08-31'), '个别项目资金缺口较大，交付进度滞后')],
    '46.2': [(D('2024-08-31'), D('2024-12-31'), '雨污分流改造工程进度滞后，汛期出现反弹')],
    '8.2': [(D('2024-07-31'), D('2024-12-31'), '平台建设资金未全部到位，上线时间存在风险')],
    '10': [(D('2023-10-31'), D('2024-02-29'), '受外资企业投资意愿下降影响，新设外资企业数量低于预期')],
    '29': [(D('2024-09-30'), D('2024-12-31'), '部分都市圈协作配套项目落地慢于预期')],
    '48.2': [(D('2024-10-31'), D('2024-12-31'), '两部法规草案尚在征求意见，年内审议存在风险')],
    '56.2': [(D('2024-03-31'), D('2024-05-31'), '高校毕业生就业压力较大，一季度新增就业进度偏慢')],
    '3': [(D('2023-04-30'), D('2023-06-30'), '居民消费恢复偏慢，社会消费品零售总额增速低于预期')],
    '62': [(D('2024-07-31'), D('2024-08-31'), '受汛期降雨影响，部分地块粮食作物受灾')],
    '59.3': [(D('2024-09-30'), D('2024-12-31'), '部分县级医院信息系统未完成对接')],
    '38.1': [(D('2023-10-31'), D('2023-12-31'), '总体规划尚在国家层面审查，获批时间不确定')],
    '21': [(D('2024-05-31'), D('2024-05-31'), '品牌评价标准尚未发布，年中完成存在风险')],
}

# (from, note): status delayed from that date on (until done, if ever).
DELAYED = {
    '30': (D('2023-11-30'), '平台共享机制需都市圈各市协同推进，完成时间推迟'),
    '20': (D('2024-05-31'), '开发区“管委会+公司”改革方案待省里批复，推迟实施'),
    '22.2': (D('2024-10-31'), '主体工程受冬季施工影响，竣工推迟至2025年'),
    '12.2': (D('2024-07-31'), '部分央企项目投资决策未完成，开工推迟'),
    '12': (D('2024-10-31'), '央地合作项目开工滞后，整体任务延期'),
    '38.1': (D('2024-01-31'), '总体规划尚未获批，等待国务院批复'),
    '1.2': (D('2024-08-31'), '陆港二期用地征收未完成，建成运营推迟'),
    '6.2': (D('2024-09-30'), '两户企业重组涉及债务处置，审批周期延长'),
}

# (date, note): cancelled on that date.
CANCELLED = {
    '35.2': (D('2024-03-31'), '扩区方案调整，纳入省级统一布局，本项取消'),
}

# Notes for the completing update (some contain ASCII commas: quoted per RFC 4180).
DONE_NOTES = {
    '5.2': '“一网通办”事项1,286项全部上线运行',
    '37.2': '全年招商引资到位资金1,052亿元，完成年度目标',
    '2.1': '全年固定资产投资增长6.1%，完成年度目标',
}

# Months in which an item is explicitly reported not-started (its first months).
SLOW_START = {'33': 2, '8': 2, '41': 1, '54': 3, '58': 1, '64': 2, '28': 1}

ON_TRACK_NOTES = ['按计划推进', '持续推进中', '已召开专题调度会', '已完成阶段性工作',
                  '已列入月度调度清单', '各项工作有序推进', '已与相关部门对接']
EARLY_NOTES = ['正在开展前期工作', '已成立工作专班', '正在制定工作方案']


def load_items():
    plan = yaml.safe_load(open(PLAN, encoding='utf-8'))
    ps = plan['plan']['period']['start']
    items = []
    for area in plan['areas']:
        for t in area['tasks']:
            ts = t.get('start', ps)
            items.append({'id': t['id'], 'kind': 'task', 'start': ts, 'due': t['due'],
                          'lead': t['lead']})
            for m in t.get('milestones', []):
                items.append({'id': m['id'], 'kind': 'milestone',
                              'start': m.get('start', ts), 'due': m['due'],
                              'lead': m.get('lead', t['lead'])})
    return items


def in_window(windows, d):
    for a, b, note in windows:
        if a <= d <= b:
            return note
    return None


def story(item, rng):
    iid, s, due = item['id'], item['start'], item['due']
    if iid in NEVER or s > WINDOW_END:
        return []
    last = min(STOP.get(iid, WINDOW_END), WINDOW_END)
    done = None
    if iid in DONE:
        done = DONE[iid]
    elif due <= WINDOW_END and iid not in NOT_DONE and iid not in CANCELLED:
        done = rng.choice([due, due, prev_month_end(due)])
        if done <= s:
            done = due
    if done is not None and done > last:
        done = None
    cancel = CANCELLED.get(iid)

    dates = [d for d in month_ends(s, last) if d >= s]
    if done is not None:
        dates = [d for d in dates if d < done] + [done]
        dates = sorted(set(dates))
    if cancel:
        dates = [d for d in dates if d < cancel[0]] + [cancel[0]]

    # progress model: straight line from start to (done date or due), scaled
    end = done or due
    f = 1.0 if done else rng.uniform(0.82, 1.12)
    slow = SLOW_START.get(iid, 1 if rng.random() < 0.08 else 0)
    rows, prev, n_reported = [], 0, 0
    for k, d in enumerate(dates):
        final = (done is not None and d == done) or (cancel and d == cancel[0])
        protected = final or d >= dt.date(2024, 11, 1) or d == last or k == 0
        if not protected and rng.random() < 0.12:
            continue  # a month without a return
        n_reported += 1
        risk = in_window(AT_RISK.get(iid, []), d)
        delayed = DELAYED.get(iid) if iid in DELAYED and d >= DELAYED[iid][0] else None
        span = max((end - s).days, 1)
        expected = 100.0 * (d - s).days / span
        p = round(expected * f + rng.uniform(-4, 4))
        if risk or delayed:
            p = min(p, prev + rng.randint(0, 3))
        cap = 99 if done else 95
        p = max(prev, min(cap, max(0, p)))
        status, note = 'on-track', ''
        if n_reported <= slow:
            status, p = 'not-started', 0
            note = rng.choice(EARLY_NOTES)
        elif cancel and d == cancel[0]:
            status, note = 'cancelled', cancel[1]
        elif done is not None and d == done:
            status, p = 'done', 100
            if iid in DONE_NOTES:
                note = DONE_NOTES[iid]
            elif done > due:
                note = '已完成（较计划推迟）'
            elif (due - done).days > 20:
                note = '提前完成'
            else:
                note = rng.choice(['已完成', '已按期完成', ''])
        elif delayed:
            status, note = 'delayed', delayed[1]
        elif risk:
            status, note = 'at-risk', risk
        else:
            if p == 0:
                p = rng.randint(2, 6)
            if rng.random() < 0.22:
                note = rng.choice(EARLY_NOTES if expected < 10 else ON_TRACK_NOTES)
        prev = p
        rows.append({'item': iid, 'date': d.isoformat(), 'status': status,
                     'progress': p, 'note': note, 'by': item['lead']})
    return rows


def sort_key(row):
    return (row['date'], tuple(int(x) for x in row['item'].split('.')))


def main():
    rng = random.Random(SEED)
    rows = []
    for item in load_items():
        rows.extend(story(item, rng))
    rows.sort(key=sort_key)
    os.makedirs(OUT, exist_ok=True)
    for year in ('2023', '2024'):
        path = os.path.join(OUT, f'returns-{year}.csv')
        with open(path, 'w', encoding='utf-8', newline='') as fh:
            w = csv.DictWriter(fh, fieldnames=['item', 'date', 'status', 'progress', 'note', 'by'],
                               lineterminator='\n', quoting=csv.QUOTE_MINIMAL)
            w.writeheader()
            n = 0
            for r in rows:
                if r['date'].startswith(year):
                    w.writerow(r)
                    n += 1
        print(f'{path}: {n} rows')


if __name__ == '__main__':
    main()
