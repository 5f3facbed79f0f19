#!/usr/bin/env python3
"""The fault suite's load and its count (run by ./faults.sh, which starts the processes and injects the faults).

Drives a realistic mix against two Daiban instances and the shared WeChat emulator while faults.sh breaks things,
then counts from the database and the emulator whether anything accepted was lost or done twice. Standard library
only. Every client retries the way a real one does: an application with its Idempotency-Key until it is answered,
a push as WeChat does (the emulator), a staff action on the next round; an action whose answer never came is
"unknown" and never counted as lost.
"""
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

A, B = os.environ["FAULTS_A"], os.environ["FAULTS_B"]
WX = os.environ["FAULTS_WX"]
DB = os.environ["FAULTS_DB"]
PASSWORD = os.environ["FAULTS_STAFF_PASSWORD"]
DURATION = float(os.environ.get("FAULTS_DURATION", "150"))
DRAIN = float(os.environ.get("FAULTS_DRAIN", "120"))
TEMPLATE = os.environ.get("FAULTS_TEMPLATE", "TPL_CASE_REGISTERED")
OUTAGES = os.environ.get("FAULTS_OUTAGES", "")  # "start-end,start-end" seconds from t0, written by faults.sh
STOP = threading.Event()
T0 = time.time()
lock = threading.Lock()
stats = {"requests": 0, "errors5xx": {}, "applied": {}, "unknown_applications": 0, "pushes": {}, "pushes_failed": 0,
         "logs_answered": set(), "logs_unknown": set(), "registered": set(), "assigned": set(), "started": set()}


def call(base, method, path, body=None, token=None, headers=None, timeout=15):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with lock:
        stats["requests"] += 1
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        if e.code >= 500:
            with lock:
                second = int(time.time() - T0)
                stats["errors5xx"][second] = stats["errors5xx"].get(second, 0) + 1
        try:
            return e.code, json.loads(e.read() or b"null")
        except ValueError:
            return e.code, None
    except (urllib.error.URLError, OSError, TimeoutError):
        return 0, None  # refused, reset or timed out: the answer never came


def either(method, path, body=None, token=None, headers=None, timeout=15):
    """A client behind a load balancer: one instance, the other if the first does not answer (proxy_next_upstream)."""
    first, second = (A, B) if random.random() < 0.5 else (B, A)
    status, answer = call(first, method, path, body, token, headers, timeout)
    if status == 0 or status == 502:
        status, answer = call(second, method, path, body, token, headers, timeout)
    return status, answer


def credit_code():
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    body = "91371083" + "".join(random.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    total = sum(alphabet.index(c) * w for c, w in zip(body, weights))
    return body + alphabet[(31 - total % 31) % 31]


def until(fn, seconds=150):
    """Retries fn (returning a result or None) as a patient user does, through the outages."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        result = fn()
        if result is not None:
            return result
        time.sleep(1 + random.random())
    return None


def enterprise(n):
    while not STOP.is_set():
        openid = "oFault" + uuid.uuid4().hex[:22]

        def login():
            s, code = call(WX, "POST", "/_wx/test/login-code", {"openId": openid})
            if s != 200:
                return None
            s, answer = either("POST", "/api/mp/auth/login", {"code": code["code"]})
            return answer["token"] if s == 200 else None
        token = until(login)
        if token is None:
            continue
        # The user accepts the registration notice in wx.requestSubscribeMessage: WeChat pushes the event.
        s, report = call(WX, "POST", "/_wx/test/subscribe", {"openId": openid, "templateId": TEMPLATE, "count": 1}, timeout=40)
        record_push(openid, s, report)
        s, bound = until(lambda: (lambda r: r if r[0] == 200 else None)(either(
            "POST", "/api/mp/enterprises", {"creditCode": credit_code(), "enterpriseName": f"乳山故障测试{n}有限公司",
                                            "contactName": "王测试"}, token))) or (0, None)
        if s != 200:
            continue
        key = uuid.uuid4().hex
        body = {"mode": "Agency", "stages": [3], "request": "代办施工许可",
                "project": {"name": "故障测试厂房", "location": "乳山市", "investmentType": "Social", "kind": "Industrial"}}

        def apply():
            s, case = either("POST", "/api/mp/cases", body, token, {"Idempotency-Key": key}, timeout=20)
            if s in (200, 201):
                return case["id"]
            if 400 <= s < 500 and s not in (408, 409, 429):
                print(f"drive: application refused {s}: {case}", file=sys.stderr)
                return -1
            return None
        case_id = until(apply)
        with lock:
            if case_id is None:
                stats["unknown_applications"] += 1
            elif case_id > 0:
                stats["applied"][key] = case_id
        # And writes to customer service; WeChat pushes it to us and retries as it does.
        s, report = call(WX, "POST", "/_wx/test/user-message", {"openId": openid, "text": "施工许可证要多久？"}, timeout=40)
        record_push(openid, s, report, text=True)
        time.sleep(random.random())


def record_push(openid, status, report, text=False):
    with lock:
        if status == 200 and report and report.get("verdict") == "success":
            if text:
                stats["pushes"][openid] = stats["pushes"].get(openid, 0) + 1
        else:
            stats["pushes_failed"] += 1


def sign_in(name):
    return until(lambda: (lambda r: r[1]["token"] if r[0] == 200 else None)(
        either("POST", "/api/staff/auth/login", {"userName": name, "password": PASSWORD})), seconds=600)


def window():
    token = sign_in("wangmin")
    while not STOP.is_set():
        s, cases = either("GET", "/api/staff/cases?status=Submitted", token=token)
        if s == 401:
            token = sign_in("wangmin")
            continue
        for c in (cases or []) if s == 200 else []:
            s, _ = either("POST", f"/api/staff/cases/{c['id']}/register", {}, token)
            if s == 200:
                with lock:
                    stats["registered"].add(c["id"])
        s, cases = either("GET", "/api/staff/cases?status=Registered", token=token)
        for c in (cases or []) if s == 200 else []:
            s, routing = either("GET", f"/api/staff/cases/{c['id']}/routing", token=token)
            if s != 200 or not routing.get("agentId"):
                continue
            agent = routing["agentId"]
            s, _ = either("POST", f"/api/staff/cases/{c['id']}/assignment", {"agentId": agent, "reason": "按建议指派"}, token)
            if s == 200:
                with lock:
                    stats["assigned"].add(c["id"])
        time.sleep(0.5)


def agent(name):
    token = sign_in(name)
    while not STOP.is_set():
        s, cases = either("GET", "/api/staff/cases?status=Assigned", token=token)
        if s == 401:
            token = sign_in(name)
            continue
        for c in (cases or []) if s == 200 else []:
            s, _ = either("POST", f"/api/staff/cases/{c['id']}/start", {}, token)
            if s == 200:
                with lock:
                    stats["started"].add(c["id"])
            content = "故障测试日志 " + uuid.uuid4().hex
            s, _ = either("POST", f"/api/staff/cases/{c['id']}/logs", {"content": content}, token)
            with lock:
                (stats["logs_answered"] if s == 200 else stats["logs_unknown"] if s == 0 or s >= 500 else set()).add(content)
        time.sleep(0.5)


def sql(query):
    out = subprocess.run(["mariadb", "-h127.0.0.1", "-udaiban", "-pdaiban-test", DB, "-N", "-B", "-e", query],
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def emulator_messages():
    s, messages = call(WX, "GET", "/_wx/test/messages")
    return messages or []


def in_outage(second):
    for span in filter(None, OUTAGES.split(",")):
        start, end = (float(x) for x in span.split("-"))
        if start - 1 <= second <= end + 15:  # the instance or service, and its reconnect, back within 15 s
            return True
    return False


def main():
    threads = [threading.Thread(target=enterprise, args=(i,), daemon=True) for i in range(4)]
    threads += [threading.Thread(target=window, daemon=True)]
    threads += [threading.Thread(target=agent, args=(n,), daemon=True) for n in ("liqiang", "zhangli", "zhaogang")]
    for t in threads:
        t.start()
    time.sleep(DURATION)
    STOP.set()
    for t in threads:
        t.join(timeout=200)
    # Drain: the outbox and the pushes settle.
    deadline = time.time() + DRAIN
    while time.time() < deadline:
        pending = int(sql("SELECT COUNT(*) FROM notifications WHERE Status = 'Pending'")[0][0]) \
            + int(sql("SELECT COUNT(*) FROM inbound_messages WHERE ProcessedAt IS NULL")[0][0])
        if pending == 0:
            break
        time.sleep(2)
    report()


def report():
    failures = {}
    # Applications: each answered one exists once; no Idempotency-Key made two cases.
    cases = {int(r[0]): r[1] for r in sql("SELECT Id, IdempotencyKey FROM cases WHERE IdempotencyKey IS NOT NULL")}
    lost_applications = [k for k, cid in stats["applied"].items() if cid not in cases]
    keys = {}
    for cid, key in cases.items():
        keys[key] = keys.get(key, 0) + 1
    duplicated_applications = sum(n - 1 for n in keys.values() if n > 1)
    # Staff actions: an answered change is in the database; none is there twice.
    logs = {}
    for (content,) in sql("SELECT Content FROM case_log_entries WHERE Content LIKE '故障测试日志 %'"):
        logs[content] = logs.get(content, 0) + 1
    lost_logs = [c for c in stats["logs_answered"] if c not in logs]
    duplicated_logs = sum(n - 1 for n in logs.values() if n > 1)
    states = {int(r[0]): r[1] for r in sql("SELECT Id, Status FROM cases")}
    lost_transitions = len([c for c in stats["registered"] if c in states and states[c] == "Submitted"])
    # Pushes: every user text WeChat saw answered "success" got exactly one reply; no push was recorded twice.
    messages = emulator_messages()
    replies = {}
    for m in messages:
        if m["kind"] == "customer-service":
            replies[m["toUser"]] = replies.get(m["toUser"], 0) + 1
    unanswered = sum(max(0, n - replies.get(o, 0)) for o, n in stats["pushes"].items())
    twice_answered = sum(max(0, replies.get(o, 0) - n) for o, n in stats["pushes"].items())
    inbound_twice = int(sql("SELECT COUNT(*) - COUNT(DISTINCT DeduplicationKey) FROM inbound_messages")[0][0])
    # Notifications: one row per key (the database says so); WeChat got each row once at most, whatever its status
    # (a row whose send went unanswered may have been delivered and is not sent again).
    sent = {}
    for recipient, template, n in sql(
            "SELECT u.OpenId, n.TemplateKey, COUNT(*) FROM notifications n JOIN enterprise_contacts c ON c.Id = n.RecipientId "
            "JOIN mini_program_users u ON u.OpenId = c.MiniProgramOpenId WHERE n.Channel = 'Subscribe' "
            "AND n.RecipientKind = 'EnterpriseContact' GROUP BY u.OpenId, n.TemplateKey"):
        sent[recipient] = sent.get(recipient, 0) + int(n)
    delivered = {}
    for m in messages:
        if m["kind"] == "subscribe":
            delivered[m["toUser"]] = delivered.get(m["toUser"], 0) + 1
    notices_twice = sum(max(0, n - sent.get(o, 0)) for o, n in delivered.items())
    stuck = int(sql("SELECT COUNT(*) FROM notifications WHERE Status = 'Pending'")[0][0])
    unprocessed = int(sql("SELECT COUNT(*) FROM inbound_messages WHERE ProcessedAt IS NULL")[0][0])
    # 5xx only while something was down (and its reconnect).
    stray_5xx = {s: n for s, n in stats["errors5xx"].items() if not in_outage(s)}
    healthy = [call(base, "GET", "/health")[0] == 200 for base in (A, B)]

    lost = len(lost_applications) + len(lost_logs) + lost_transitions + unanswered + stuck + unprocessed
    duplicated = duplicated_applications + duplicated_logs + twice_answered + inbound_twice + notices_twice
    print(f"faults: lost {lost}, duplicated {duplicated}, "
          f"applications {len(stats['applied'])} (lost {len(lost_applications)}, twice {duplicated_applications}, "
          f"unanswered {stats['unknown_applications']}), "
          f"logs {len(stats['logs_answered'])} (lost {len(lost_logs)}, twice {duplicated_logs}, "
          f"unknown {len(stats['logs_unknown'])}), registered {len(stats['registered'])} (lost {lost_transitions}), "
          f"pushes {sum(stats['pushes'].values())} (unanswered {unanswered}, answered twice {twice_answered}, "
          f"recorded twice {inbound_twice}, given up by WeChat {stats['pushes_failed']}), "
          f"subscribe messages {sum(delivered.values())} (twice {notices_twice}), notifications stuck {stuck}, "
          f"pushes unprocessed {unprocessed}, requests {stats['requests']}, "
          f"5xx outside outages {sum(stray_5xx.values())} at s {sorted(stray_5xx)[:10]}, "
          f"healthy {'both' if all(healthy) else healthy}")
    bad = lost or duplicated or stray_5xx or not all(healthy)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
