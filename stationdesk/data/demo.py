"""A deterministic demo station: people, grids, mediators, cases, patrols, community work.

Everything comes from ``random.Random(seed)`` plus Faker('zh_CN') seeded the same way,
so one seed and one "now" always give the same station; no real personal data is used
(resident IDs are made up but carry a valid GB 11643 check character).

It is written for a million cases in about a minute on SQLite: all rows go in through
bulk inserts inside one transaction with ids assigned here, so children need no
round-trips; the big case tables skip SQLAlchemy's per-value type processing (SQLite
gets its own text format for times, PostgreSQL gets ``COPY``).
"""

from __future__ import annotations

import gc
import logging
import marshal
import os
import pickle
import random
import struct
import subprocess
import sys
from bisect import bisect
from collections.abc import Callable, Generator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, inspect, select

from stationdesk.data import audit, migrate
from stationdesk.data.community import TARGETS_KEY, VisitTargets, encode_targets
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Case,
    CaseNote,
    CaseParty,
    CaseStatusChange,
    FollowUp,
    Grid,
    GridStaff,
    HouseholdVisit,
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    OutreachEvent,
    PatrolGrid,
    PatrolMember,
    PatrolShift,
    SessionMediator,
    Setting,
    Staff,
    Station,
    User,
)
from stationdesk.data.schema_booking import MediationRoom
from stationdesk.data.uow import SYSTEM
from stationdesk.data.uow import now as clock_now
from stationdesk.domain.deadlines import DEFAULT_FOLLOW_UP_DAYS, DEFAULT_POLICY
from stationdesk.domain.enums import (
    DISPUTE_CATEGORIES,
    CaseCategory,
    CaseSource,
    CaseStatus,
    LeaveKind,
    MediatorKind,
    OutreachTopic,
    PartyRole,
    PatrolStatus,
    Priority,
    Role,
    SessionStatus,
    ShiftKind,
    StaffKind,
    Team,
)

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
DEMO_PASSWORD = "demo-password-1"
CHUNK = 10_000
CASE_DAYS = 90
DAY = 86_400

try:  # the domain module is the one source of truth for the check character
    from stationdesk.domain.validation import resident_id_check_char as _check_char
except ImportError:  # pragma: no cover - only while validation.py is being written
    _W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

    def _check_char(first17: str) -> str:
        return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _W, strict=True)) % 11]


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo wrote."""

    station: str
    grids: int
    staff: int
    volunteers: int
    mediators: int
    cases: int
    parties: int
    status_changes: int
    notes: int
    mediation_sessions: int
    follow_ups: int
    patrol_shifts: int
    household_visits: int
    outreach_events: int
    users: int


# --- the station's vocabulary --------------------------------------------------------

_C = CaseCategory
SUMMARIES: dict[CaseCategory, tuple[str, ...]] = {
    _C.DISPUTE_NEIGHBOUR: ("邻里噪音纠纷", "楼上漏水引发邻里纠纷", "占用公共楼道引发争执",
                           "宠物扰民引发纠纷", "停车位引发邻里争执", "装修噪音扰民纠纷",
                           "宅基地边界纠纷", "邻里琐事口角",
                           "排水沟堵塞引发邻里矛盾", "树木遮挡采光纠纷"),
    _C.DISPUTE_FAMILY: ("家庭矛盾求助", "夫妻争吵求助", "赡养老人纠纷", "婆媳矛盾", "子女抚养纠纷",
                        "兄弟分家析产纠纷", "老人赡养费纠纷"),
    _C.DISPUTE_PROPERTY: ("物业费纠纷", "房屋租赁押金纠纷", "借款未还纠纷", "房屋买卖合同纠纷",
                          "车位归属纠纷", "土地承包经营权纠纷", "物业服务纠纷"),
    _C.DISPUTE_LABOUR: ("拖欠农民工工资", "劳务报酬纠纷", "工伤赔偿纠纷", "辞退补偿纠纷",
                        "装修工程款纠纷", "包工头拖欠工资"),
    _C.DISPUTE_CONSUMER: ("网购退货纠纷", "预付卡退费纠纷", "餐饮消费纠纷", "健身房退费纠纷",
                          "二手车交易纠纷", "培训机构退费纠纷", "商品质量纠纷"),
    _C.DISPUTE_TRAFFIC: ("轻微交通事故赔偿纠纷", "电动车剐蹭纠纷", "停车剐蹭纠纷",
                         "非机动车碰撞纠纷",
                         "车辆堵门纠纷"),
    _C.ASSISTANCE: ("老人走失求助", "儿童走失求助", "钥匙锁屋内求助", "醉酒人员求助",
                    "证件遗失求助",
                    "财物遗失求助", "独居老人身体不适求助", "车辆被堵求助"),
    _C.THEFT: ("电动车被盗", "入室盗窃", "手机被盗", "车内财物被盗", "工地建材被盗", "电瓶被盗",
               "快递被盗"),
    _C.FRAUD: ("电信诈骗求助", "网络刷单诈骗", "冒充客服退款诈骗", "虚假投资理财诈骗",
               "冒充公检法诈骗",
               "网络交友诈骗", "保健品推销诈骗老人"),
    _C.DRUGS: ("可疑吸毒人员线索", "疑似涉毒场所举报", "社区戒毒人员管控", "非法种植罂粟线索"),
    _C.CONFLICT: ("酒后滋事", "打架斗殴", "言语冲突引发推搡", "债务引发冲突", "醉酒闹事",
                  "琐事引发肢体冲突"),
    _C.PUBLIC_SECURITY: ("噪音扰民", "聚众赌博线索", "违规燃放烟花爆竹", "可疑人员徘徊",
                         "高空抛物", "散发非法小广告"),
}  # fmt: skip
ACTIONS = ("民警已到场处置", "已通知网格民警跟进", "已告知当事人处理流程", "已登记并安排回访",
           "辅警已到场维持秩序", "已电话联系报警人")  # fmt: skip
NOTES = ("已电话联系当事人，约定明日上门", "双方情绪稳定，同意接受调解", "已调取周边监控",
         "当事人补充提供了相关票据", "已通报社区网格员协助跟进", "回访当事人，表示满意",
         "当事人暂时联系不上，明日再联系")  # fmt: skip
AGREEMENTS = ("双方自愿达成协议，一方赔偿对方损失人民币{n}元，当场履行完毕。",
              "双方同意于{d}日内分期支付款项共计人民币{n}元。",
              "双方相互谅解，今后互不干涉，不再追究。",
              "一方赔礼道歉并承担维修费用人民币{n}元。")  # fmt: skip
REASONS_ESCALATE = ("涉嫌违法犯罪，移交执法办案队", "涉及治安案件，转执法办案队调查")
REASONS_REFER = ("调解不成，引导当事人向人民法院起诉", "涉及劳动争议，转劳动监察部门",
                 "属市场监管职责，转相关部门处理")  # fmt: skip
TOWNS = ("城关", "东城", "河西", "桥北", "新城", "南关", "西郊", "北街")
STREETS = ("幸福路", "建设街", "人民路", "解放路", "文化街", "和平路", "朝阳路", "新华街",
           "光明路", "团结路", "胜利街", "育才路")  # fmt: skip
COMMUNITIES = ("东关", "西街", "南苑", "北辰", "新华", "朝阳", "锦绣", "龙泉", "金桥", "滨河")
VILLAGES = ("王家村", "李家庄村", "张庄村", "后河村", "柳树屯村", "石桥村", "杨家营村", "前进村",
            "刘家湾村", "小寨村")  # fmt: skip
LANGUAGES = ("普通话,粤语", "普通话", "普通话,客家话,英语")
VOLUNTEER_GROUPS = ("红袖标巡逻队", "平安志愿者服务队", "楼栋长联络队", "护校安园队")
PLACES = ("文化广场", "党群服务中心", "老年活动中心", "小学门口", "农贸市场", "村委会大院")
VISIT_PURPOSES = ("宣传防范电信诈骗知识", "了解独居老人生活情况", "核实实有人口信息",
               "排查矛盾纠纷隐患", "发放安全防范宣传资料", "登记出租房屋信息")  # fmt: skip
MOBILE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158",
                   "159", "177", "180", "182", "186", "187", "188", "189", "199")  # fmt: skip
# Region codes of the made-up station's own county first, then elsewhere.
LOCAL_REGIONS = ("370102", "370103", "370104", "370112", "370124")
OTHER_REGIONS = ("110105", "320102", "410102", "130102", "340104", "510107", "230103")

CATEGORY_WEIGHTS = {
    _C.DISPUTE_NEIGHBOUR: 16, _C.DISPUTE_FAMILY: 11, _C.DISPUTE_PROPERTY: 9,
    _C.DISPUTE_LABOUR: 7, _C.DISPUTE_CONSUMER: 7, _C.DISPUTE_TRAFFIC: 6, _C.ASSISTANCE: 15,
    _C.THEFT: 9, _C.FRAUD: 8, _C.DRUGS: 2, _C.CONFLICT: 6, _C.PUBLIC_SECURITY: 4,
}  # fmt: skip
SOURCE_WEIGHTS = {
    CaseSource.DISPATCH_110: 45, CaseSource.PHONE: 18, CaseSource.WALK_IN: 17,
    CaseSource.PATROL: 7, CaseSource.HOUSEHOLD_VISIT: 5, CaseSource.GRID_REFERRAL: 8,
}  # fmt: skip
PRIORITY_WEIGHTS = {Priority.URGENT: 5, Priority.HIGH: 17, Priority.NORMAL: 58, Priority.LOW: 20}
HOUR_WEIGHTS = (1.0, 0.7, 0.5, 0.4, 0.4, 0.6, 1.2, 2.5, 4, 5, 5.5, 5.5,
                5, 5, 5.2, 5.5, 5.5, 5.8, 6, 6.5, 6, 5, 3.5, 2)  # fmt: skip

_S = CaseStatus
STATUS_ORDER = (_S.NEW, _S.ASSIGNED, _S.IN_PROGRESS, _S.IN_MEDIATION, _S.ESCALATED, _S.REFERRED,
                _S.RESOLVED, _S.CLOSED)  # fmt: skip
# Status mix by age of the case (< 2 h, < 1 day, < 7 days, older), disputes / others.
STATUS_MIX = (
    ((45, 30, 25, 0, 0, 0, 0, 0), (45, 30, 25, 0, 0, 0, 0, 0)),
    ((8, 20, 45, 7, 3, 2, 13, 2), (8, 20, 48, 0, 6, 2, 14, 2)),
    ((1, 6, 28, 14, 3, 3, 35, 10), (1, 6, 35, 0, 6, 3, 37, 12)),
    ((0, 0.2, 1, 0.5, 1, 4, 31, 62.3), (0, 0.2, 1.2, 0, 1, 3, 31, 63.6)),
)
MEDIATED_SHARE = 0.06  # of resolved/closed disputes
SLOTS = (9 * 3600, 10 * 3600 + 1800, 14 * 3600, 15 * 3600 + 1800)
SESSION_LEN = 90 * 60
# Enough rooms for the sessions the demo holds at one time (each room is claimed).
ROOMS = ("第一调解室", "第二调解室", "警务室", "律师工作室", "多功能室")
ROOM_PLACES = ("一楼东侧", "一楼西侧", "二楼", "二楼东侧", "一楼北侧")


def _cum(weights: Sequence[float]) -> list[float]:
    return list(accumulate(weights))


def _spread(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder, exact sum)."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    counts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: counts[i] - raw[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def is_empty(db: Database) -> bool:
    """True when the database holds no station, staff, grids, mediators or cases."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table(Station.__tablename__):
            return True
        for model in (Station, Staff, Grid, Mediator, Case):
            if conn.execute(select(model.id).limit(1)).first() is not None:
                return False
    return True


def generate_demo(
    db: Database,
    cases: int = 20_000,
    seed: int = 7,
    today: date | None = None,
    progress: Progress | None = None,
    *,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill an empty database with a believable station, ``cases`` cases over 90 days.

    "Now" is ``now`` if given; else the clock when ``today`` is None or the real
    today; else 10:30 on ``today`` (so a fixed ``today`` gives a fixed station).
    Raises ValueError if the database already holds a station.
    """
    if cases < 0:
        raise ValueError("cases must not be negative")
    migrate.upgrade(db)
    if not is_empty(db):
        raise ValueError(
            "The database already holds a station; the demo only fills an empty database."
        )
    if now is None:
        if today is None or today == date.today():
            now = clock_now()
        else:
            now = datetime.combine(today, time(10, 30))
    now = now.replace(microsecond=0)
    report = progress or (lambda _stage, _done, _total: None)
    from stationdesk.data.users import hash_password

    hashes = [hash_password(DEMO_PASSWORD) for _ in range(5)]
    if db.is_sqlite:
        db.engine.dispose()  # our own idle connections would keep the journal mode fixed
    # Millions of short-lived tuples would trigger the cycle collector over and over;
    # none of them can form a cycle.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with db.write_engine.connect() as conn:
            gen = _Generator(conn, seed, now, report)
            tuning = gen.speed_up()
            try:
                with conn.begin():  # one transaction: a failed load leaves nothing behind
                    gen.people(hashes)
                    dropped = gen.drop_indexes(BIG_TABLES)
                    gen.cases(cases)
                    gen.create_indexes(dropped)
                    gen.mediation()
                    gen.patrols()
                    gen.community()
                    if not gen.sqlite:
                        gen.reset_sequences()
            finally:
                gen.restore(tuning)
    finally:
        if gc_was_enabled:
            gc.enable()
    summary = gen.summary()
    audit.record(db, SYSTEM, "demo.generate", details={"seed": seed, **asdict(summary)})
    report("analyse", 0, 1)
    with db.write_engine.begin() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA analysis_limit = 2000")
        conn.exec_driver_sql("ANALYZE")
    if db.is_sqlite:
        with db.engine.connect() as conn:  # hand the big WAL back to the file system
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    report("analyse", 1, 1)
    return summary


class _Generator:
    """Builds rows in memory and bulk-inserts them on one connection."""

    def __init__(self, conn: Connection, seed: int, now: datetime, report: Progress) -> None:
        from faker import Faker

        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self.seed = seed
        self.rng = random.Random(seed)
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(seed)
        self.now = now
        self.report = report
        # Times inside the generator are whole seconds since midnight 120 days ago.
        self.base = datetime.combine(now.date() - timedelta(days=120), time())
        self.today = 120
        self.now_t = int((now - self.base).total_seconds())
        self.counts: dict[str, int] = {}
        days = [self.base.date() + timedelta(days=d) for d in range(self.today + 62)]
        self._date_str = [d.isoformat() for d in days]
        self._day_str = [d + " " for d in self._date_str]
        self._tod = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(DAY)]

    # -- plumbing ---------------------------------------------------------------------

    def speed_up(self) -> tuple[int, str] | None:
        """SQLite: a rollback journal and no per-row foreign-key checks during the load.

        In WAL mode every page of a bulk load is written twice (log, then checkpoint);
        with a rollback journal, pages appended to the file need no journal at all, and
        a crash still rolls the whole load back. If another connection has the file
        open the mode cannot change and the load just runs in WAL mode.
        """
        if not self.sqlite:
            return None
        raw = self.conn.connection.dbapi_connection
        assert raw is not None
        fks = raw.execute("PRAGMA foreign_keys").fetchone()[0]
        journal = raw.execute("PRAGMA journal_mode").fetchone()[0]
        raw.execute("PRAGMA journal_mode = DELETE")
        # Ids are assigned here from parents written first; the check adds nothing.
        raw.execute("PRAGMA foreign_keys = OFF")
        return fks, journal

    def drop_indexes(self, tables: Sequence[str]) -> list[str]:
        """Drop the plain secondary indexes of ``tables``; return the SQL that rebuilds them.

        Filling a table and then building each index by sorting is several times faster
        than updating a dozen B-trees row by row. The definitions come from the database
        itself, so they are rebuilt exactly as the migrations made them; all of this is
        inside the load's transaction, so a failed load leaves them in place.
        """
        if self.sqlite:
            marks = ", ".join("?" * len(tables))
            found = self.conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks})",
                tuple(tables),
            ).all()
        else:
            found = self.conn.exec_driver_sql(
                "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                "WHERE t.relname = ANY(%(tables)s) AND pg_table_is_visible(t.oid) "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
                {"tables": list(tables)},
            ).all()
        quote = self.conn.dialect.identifier_preparer.quote
        for name, _sql in found:
            self.conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
        return [str(sql) for _name, sql in found]

    def create_indexes(self, definitions: list[str]) -> None:
        self.report("indexes", 0, len(definitions))
        for n, sql in enumerate(definitions, 1):
            self.conn.exec_driver_sql(sql)
            self.report("indexes", n, len(definitions))

    def restore(self, tuning: tuple[int, str] | None) -> None:
        if tuning is None:
            return
        raw = self.conn.connection.dbapi_connection
        assert raw is not None
        fks, journal = tuning
        raw.execute(f"PRAGMA foreign_keys = {int(fks)}")
        if str(journal).isalpha():
            raw.execute(f"PRAGMA journal_mode = {journal}")

    def dt(self, t: int) -> datetime:
        return self.base + timedelta(seconds=t)

    def ts(self, t: int) -> str:
        """A time as the fast path writes it: SQLAlchemy's SQLite text format, which
        PostgreSQL's COPY reads as a timestamp too."""
        return self._day_str[t // DAY] + self._tod[t % DAY]

    def day(self, d: int) -> date:
        return self.base.date() + timedelta(days=d)

    def first_id(self, model: Any) -> int:
        """The id after the largest in ``model``'s table (ids are assigned here)."""
        table: Table = model.__table__
        return (
            int(self.conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1
        )

    def put(self, model: Any, rows: list[dict[str, Any]]) -> None:
        """Core insert (with type processing) for the smaller tables."""
        table: Table = model.__table__
        for i in range(0, len(rows), CHUNK):
            self.conn.execute(insert(table), rows[i : i + CHUNK])
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)

    def put_fast(self, model: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        """Rows as tuples straight to the driver: executemany on SQLite, COPY on PostgreSQL."""
        table: Table = model.__table__
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        if not rows:
            return
        quote = self.conn.dialect.identifier_preparer.quote
        cols = ", ".join(quote(c) for c in columns)
        raw: Any = self.conn.connection.dbapi_connection
        if self.sqlite:
            marks = ", ".join("?" * len(columns))
            raw.executemany(f"INSERT INTO {quote(table.name)} ({cols}) VALUES ({marks})", rows)
        else:
            with (
                raw.cursor() as cur,
                cur.copy(f"COPY {quote(table.name)} ({cols}) FROM STDIN") as cp,
            ):
                for row in rows:
                    cp.write_row(row)

    def reset_sequences(self) -> None:
        """Explicit ids leave PostgreSQL's sequences behind: move them to max(id)."""
        tables = [m.__tablename__ for m in (
            Station, Staff, Grid, Mediator, MediatorAvailability, MediatorException, Case,
            CaseParty, CaseStatusChange, CaseNote, MediationSession, FollowUp, PatrolShift,
            HouseholdVisit, OutreachEvent, User, MediationRoom,
        )]  # fmt: skip
        for t in tables:
            self.conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {t}"
            )

    def summary(self) -> DemoSummary:
        c = self.counts.get
        return DemoSummary(
            station=self.station_name, grids=c("grid", 0), staff=c("staff", 0) - self.volunteers,
            volunteers=self.volunteers, mediators=c("mediator", 0), cases=c("case_file", 0),
            parties=c("case_party", 0), status_changes=c("case_status_change", 0),
            notes=c("case_note", 0), mediation_sessions=c("mediation_session", 0),
            follow_ups=c("follow_up", 0), patrol_shifts=c("patrol_shift", 0),
            household_visits=c("household_visit", 0), outreach_events=c("outreach_event", 0),
            users=c("app_user", 0),
        )  # fmt: skip

    # -- people -----------------------------------------------------------------------

    def phone(self) -> str:
        return f"{self.rng.choice(MOBILE_PREFIXES)}{self.rng.randrange(10**8):08d}"

    def resident_id(self, male: bool, local: bool = True) -> str:
        rng = self.rng
        region = rng.choice(LOCAL_REGIONS if local else OTHER_REGIONS)
        born = date(1945, 1, 1) + timedelta(days=rng.randrange(60 * 365))
        seq = rng.randrange(100) * 10 + rng.randrange(0 if not male else 1, 10, 2)
        first17 = f"{region}{born:%Y%m%d}{seq:03d}"
        return first17 + _check_char(first17)

    def person(self) -> tuple[str, str, str]:
        male = self.rng.random() < 0.5
        name = self.fake.name_male() if male else self.fake.name_female()
        return name, self.resident_id(male, self.rng.random() < 0.85), self.phone()

    def people(self, hashes: list[str]) -> None:
        rng, fake = self.rng, self.fake
        self.report("people", 0, 1)
        town = rng.choice(TOWNS)
        self.station_name = f"{town}派出所"
        sid = self.first_id(Station)
        self.put(Station, [dict(id=sid, code=f"DEMO-{rng.randrange(1000, 9999)}",
                                name=self.station_name,
                                address=f"{town}镇{rng.choice(STREETS)}88号",
                                phone=f"0531-{rng.randrange(2000_0000, 9999_9999)}")])  # fmt: skip

        # Staff: police in the three teams, auxiliaries, assistants, then volunteers.
        next_id = self.first_id(Staff)
        badges = iter(rng.sample(range(100_000, 1_000_000), 60))
        staff: list[dict[str, Any]] = []

        def add(
            kind: StaffKind, team: Team | None, name: str | None = None, group: str = ""
        ) -> int:
            nonlocal next_id
            row: dict[str, Any] = dict(id=next_id, name=name or fake.name(), kind=kind, team=team,
                       badge_no=str(next(badges)) if kind == StaffKind.POLICE else None,
                       phone=self.phone(), volunteer_group=group, active=True)  # fmt: skip
            staff.append(row)
            next_id += 1
            return int(row["id"])

        P, CR, CP, LE = (
            StaffKind.POLICE,
            Team.COMMAND_ROOM,
            Team.COMMUNITY_POLICING,
            Team.LAW_ENFORCEMENT,
        )
        self.director = add(P, CR)
        self.duty_officers = [add(P, CR) for _ in range(4)]
        grid_officers = [add(P, CP) for _ in range(12)]
        by_id = {int(s["id"]): s for s in staff}
        self.zhang = grid_officers[3]
        by_id[self.zhang]["name"] = "张" + fake.first_name_male()  # the zhang.community account
        self.law_officers = [add(P, LE) for _ in range(6)]
        aux = [add(StaffKind.AUXILIARY, t) for t in (CP,) * 7 + (CR,) * 2 + (LE,) * 2]
        assistants = [add(StaffKind.ASSISTANT, CP) for _ in range(6)]
        self.volunteer_ids = [
            add(StaffKind.VOLUNTEER, None, group=VOLUNTEER_GROUPS[i % len(VOLUNTEER_GROUPS)])
            for i in range(30)
        ]
        self.volunteers = len(self.volunteer_ids)
        self.on_leave = grid_officers[7]  # a grid the command room must notice (leave rows
        # are written with the patrols, see _leave)
        self.put(Staff, staff)
        self.patrol_police = [s for s in self.duty_officers[1:] + grid_officers + self.law_officers
                              if s != self.on_leave]  # fmt: skip
        self.patrol_aux = aux
        self.assistants = assistants  # never on patrol

        # Grids: six communities and six villages, each with one responsible officer.
        gid = self.first_id(Grid)
        comm = rng.sample(COMMUNITIES, 6)
        vill = rng.sample(VILLAGES, 6)
        grids: list[dict[str, Any]] = []
        helpers_rows: list[dict[str, Any]] = []
        self.grid_ids, self.grid_names, self.grid_officers = [], [], grid_officers
        self.grid_helpers: list[list[int]] = []
        self.addresses: list[list[str]] = []
        helpers = aux[:7] + assistants
        for i in range(12):
            village = i % 2 == 1
            name = vill[i // 2] if village else comm[i // 2] + "社区"
            households = rng.randrange(300, 1200) if village else rng.randrange(900, 3000)
            grids.append(dict(id=gid + i, code=f"G{i + 1:02d}", name=name,
                              kind="village" if village else "community", households=households,
                              responsible_officer_id=grid_officers[i],
                              visit_target_per_month=max(10, households // 60)))  # fmt: skip
            mine = [helpers[i % len(helpers)]]
            if rng.random() < 0.5:
                mine.append(helpers[(i + 5) % len(helpers)])
            self.grid_helpers.append(mine)
            helpers_rows += [dict(grid_id=gid + i, staff_id=s) for s in mine]
            self.grid_ids.append(gid + i)
            self.grid_names.append(name)
            if village:
                pool = [f"{name}{g}组{n}号" for g in range(1, 9) for n in range(1, 41)]
            else:
                pool = [f"{name}{s}{n}号{b}栋{u}单元{f}0{r}室" for s in rng.sample(STREETS, 2)
                        for n in (8, 16, 26, 37) for b in range(1, 6) for u in (1, 2)
                        for f in range(1, 7) for r in (1, 2)]  # fmt: skip
            rng.shuffle(pool)
            self.addresses.append(pool[:300])
        self.grid_weights = _cum([g["households"] for g in grids])
        self.put(Grid, grids)
        self.put(GridStaff, helpers_rows)

        self._mediators()

        # Accounts.
        existing = set(self.conn.execute(select(User.username)).scalars())
        uid = self.first_id(User)
        users: list[dict[str, Any]] = []
        for (username, role, staff_id), pw in zip(
            (("admin", Role.ADMIN, None), ("duty", Role.DUTY_OFFICER, self.duty_officers[0]),
             ("director", Role.DIRECTOR, self.director),
             ("zhang.community", Role.COMMUNITY_OFFICER, self.zhang),
             ("mediator1", Role.MEDIATOR, None)), hashes, strict=True,
        ):  # fmt: skip
            if username in existing:
                continue
            name = by_id[staff_id]["name"] if staff_id else username
            users.append(dict(id=uid, username=username, display_name=name, staff_id=staff_id,
                              password_hash=pw, roles=role.value))  # fmt: skip
            uid += 1
        self.put(User, users)
        ids: dict[str, int] = {u["username"]: u["id"] for u in users}
        self.duty_user = ids.get("duty")
        self.zhang_user = ids.get("zhang.community")
        self.report("people", 1, 1)

    def _mediators(self) -> None:
        rng = self.rng
        mid = self.first_id(Mediator)
        am, pm, short_pm = (time(9), time(12)), (time(14), time(17, 30)), (time(14), time(17))
        D = DISPUTE_CATEGORIES
        town = self.station_name[:-3]
        # (kind, organisation, skills, weekly pattern)
        Pattern = list[tuple[int, tuple[time, time]]]
        plan: list[tuple[MediatorKind, str, Sequence[CaseCategory], Pattern]] = [
            (MediatorKind.STATION_MEDIATOR, f"{town}派出所人民调解室", D[:3],
             [(d, w) for d in range(5) for w in (am, pm)]),
            (MediatorKind.STATION_MEDIATOR, f"{town}派出所人民调解室", (D[0], D[4], D[5]),
             [(d, w) for d in range(5) for w in (am, pm)]),
            (MediatorKind.STATION_MEDIATOR, f"{town}镇人民调解委员会", (D[0], D[1], D[3]),
             [(d, w) for d in range(1, 6) for w in (am, pm)]),
            (MediatorKind.STATION_MEDIATOR, f"{town}镇人民调解委员会", (D[1], D[2], D[5]),
             [(d % 7, w) for d in range(2, 7) for w in (am, short_pm)]),
            (MediatorKind.RESIDENT_LAWYER, f"{rng.choice(('明德', '正信', '公正'))}律师事务所",
             (D[2], D[3], D[4]), [(d, w) for d in (0, 2, 4) for w in (am, pm)]),
            (MediatorKind.RESIDENT_LAWYER, f"{rng.choice(('华泰', '德衡', '诚和'))}律师事务所",
             (D[3], D[5], D[2]),
             [(d, w) for d in (1, 3) for w in ((time(9, 30), time(12)), short_pm)]),
            (MediatorKind.COURT_LIAISON, f"{town}人民法庭", (D[1], D[2]), [(1, pm), (3, am)]),
            (MediatorKind.COURT_LIAISON, f"{town}人民法庭", (D[3], D[5]), [(2, am)]),
        ]  # fmt: skip
        mediators: list[dict[str, Any]] = []
        avail: list[dict[str, Any]] = []
        aid = self.first_id(MediatorAvailability)
        self.patterns: dict[int, list[tuple[int, time, time]]] = {}
        self.capacity: dict[int, int] = {}
        self.skilled: dict[str, list[int]] = {c.value: [] for c in D}
        for i, (kind, org, skills, pattern) in enumerate(plan):
            name, rid, phone = self.person()
            cap = 2 + i % 3
            mediators.append(dict(id=mid + i, name=name, kind=kind, organisation=org, phone=phone,
                                  address=f"{town}镇{rng.choice(STREETS)}{rng.randrange(1, 99)}号",
                                  resident_id=rid, skills=",".join(s.value for s in skills),
                                  languages=rng.choice(LANGUAGES),
                                  capacity_per_day=cap, active=True))  # fmt: skip
            self.capacity[mid + i] = cap
            for c in skills:
                self.skilled[c.value].append(mid + i)
            for weekday, (start, end) in pattern:
                avail.append(dict(id=aid, mediator_id=mid + i, weekday=weekday, start_time=start,
                                  end_time=end))  # fmt: skip
                self.patterns.setdefault(mid + i, []).append((weekday, start, end))
                aid += 1
        self.mediator_ids = [mid + i for i in range(len(mediators))]
        # Exceptions around today: a court day today, leave later and earlier.
        eid = self.first_id(MediatorException)
        exc = [
            (6, 0, "court_day", "出庭"),
            (6, 7, "court_day", "出庭"),
            (3, 2, "leave", "年休假"),
            (3, 3, "leave", "年休假"),
            (5, -3, "leave", "事假"),
            (0, 9, "other", "外出培训"),
        ]
        self.exceptions = {(mid + i, self.today + off) for i, off, _k, _n in exc}
        rows = [dict(id=eid + n, mediator_id=mid + i, day=self.day(self.today + off), kind=k,
                     note=note)
                for n, (i, off, k, note) in enumerate(exc)]  # fmt: skip
        self.put(Mediator, mediators)
        self.put(MediatorAvailability, avail)
        first_room = self.first_id(MediationRoom)
        self.room_ids = [first_room + n for n in range(len(ROOMS))]
        places = zip(ROOMS, ROOM_PLACES, strict=True)
        self.put(MediationRoom, [dict(id=first_room + n, version=1, name=name, location=place,
                                      seats=6, sort_order=n + 1, active=True)
                                 for n, (name, place) in enumerate(places)])  # fmt: skip
        self.put(MediatorException, rows)

    def _person_pool(self, size: int) -> list[tuple[str, str, str]]:
        """Made-up residents (name, resident ID, mobile) that parties are drawn from.

        The check character is computed from precomputed partial weighted sums
        (region + birth date + sequence) because a million-case demo needs 200k IDs.
        """
        rng = self.rng
        rand = rng.random
        males = [self.fake.name_male() for _ in range(1500)]
        females = [self.fake.name_female() for _ in range(1500)]
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

        def partial(digits: str, offset: int) -> int:
            return sum(int(c) * weights[offset + i] for i, c in enumerate(digits))

        regions = [(r, partial(r, 0)) for r in LOCAL_REGIONS * 6 + OTHER_REGIONS]
        born0 = date(1945, 1, 1)
        births = [(b, partial(b, 6)) for b in
                  ((born0 + timedelta(days=n)).strftime("%Y%m%d")
                   for n in range(0, 60 * 365, 3))]  # fmt: skip
        seqs = [(f"{n:03d}", partial(f"{n:03d}", 14)) for n in range(1000)]
        chars = "10X98765432"
        prefixes = MOBILE_PREFIXES
        pool = []
        for _ in range(size):
            male = rand() < 0.5
            names = males if male else females
            region, rs = regions[int(rand() * len(regions))]
            birth, bs = births[int(rand() * len(births))]
            # The 17th digit is odd for men, even for women.
            seq, ss = seqs[int(rand() * 500) * 2 + male]
            rid = region + birth + seq + chars[(rs + bs + ss) % 11]
            phone = prefixes[int(rand() * len(prefixes))] + f"{int(rand() * 1e8):08d}"
            pool.append((names[int(rand() * len(names))], rid, phone))
        return pool

    # -- cases ------------------------------------------------------------------------

    def cases(self, total: int) -> None:
        """``total`` cases with parties, status history and notes, chunk by chunk.

        From ``SPAWN_FROM`` cases on, a second process makes the rows while this one
        writes them, so both cores work; the rows are the same either way.
        """
        self.report("cases", 0, total)
        others = self.duty_officers + self.law_officers
        plan = _CasePlan(
            total=total, seed=self.seed, base=self.base, today=self.today, now_t=self.now_t,
            pool=self._person_pool(min(max(total // 2, 2000), 200_000)),
            grid_ids=self.grid_ids, grid_weights=self.grid_weights,
            grid_officers=self.grid_officers, addresses=self.addresses, others=others,
            law_officers=self.law_officers, duty_user=self.duty_user, zhang=self.zhang,
            zhang_user=self.zhang_user, case_id=self.first_id(Case),
            party_id=self.first_id(CaseParty),
            change_id=self.first_id(CaseStatusChange),
            note_id=self.first_id(CaseNote),
        )  # fmt: skip
        source = _spawned_batches(plan) if total >= SPAWN_FROM else _CaseMaker(plan).batches()
        while True:
            try:
                cases, parties, changes, notes, done = next(source)
            except StopIteration as stop:
                self.past_sessions, self.waiting = stop.value
                break
            self.put_fast(Case, CASE_COLUMNS, cases)
            self.put_fast(CaseParty, PARTY_COLUMNS, parties)
            self.put_fast(CaseStatusChange, CHANGE_COLUMNS, changes)
            self.put_fast(CaseNote, NOTE_COLUMNS, notes)
            self.report("cases", done, total)

    # -- mediation --------------------------------------------------------------------

    def _free_slots(self, mediator: int, d: int) -> list[int]:
        """Session start times (seconds) that fit the mediator's pattern on day ``d``."""
        if (mediator, d) in self.exceptions:
            return []
        weekday = self.day(d).weekday()
        slots = []
        for wd, start, end in self.patterns.get(mediator, []):
            if wd != weekday:
                continue
            s = start.hour * 3600 + start.minute * 60
            e = end.hour * 3600 + end.minute * 60
            while s + SESSION_LEN <= e:
                slots.append(d * DAY + s)
                s += SESSION_LEN
        return sorted(slots)

    def mediation(self) -> None:
        rng = self.rng
        self.report("mediation", 0, 1)
        sid = self.first_id(MediationSession)
        fid = self.first_id(FollowUp)
        sessions: list[tuple[Any, ...]] = []
        links: list[tuple[int, int]] = []
        follow_ups: list[tuple[Any, ...]] = []
        officers = self.grid_officers
        ts = self.ts
        # Sessions by (room, day): a room holds one session at a time, as booking demands.
        in_room: dict[tuple[int, int], list[int]] = {}
        booked: list[tuple[int, int, list[int], int]] = []  # (session, start, mediators, room)

        def free_rooms(start: int) -> list[int]:
            day = start // DAY
            return [
                r
                for r in range(len(ROOMS))
                if all(abs(s - start) >= SESSION_LEN for s in in_room.get((r, day), ()))
            ]

        def session(case_id: int, start: int, status: SessionStatus, outcome: str | None,
                    referral: str | None, mediators: list[int], g: int) -> None:  # fmt: skip
            nonlocal sid, fid
            terms = ""
            if outcome in ("agreement", "partial"):
                terms = rng.choice(AGREEMENTS).format(
                    n=rng.randrange(2, 80) * 100, d=rng.choice((15, 30, 60))
                )
            free = free_rooms(start)
            wish = rng.randrange(len(ROOMS))
            r = wish if wish in free or not free else free[0]
            in_room.setdefault((r, start // DAY), []).append(start)
            sessions.append((sid, 1, case_id, ts(start), ts(start + SESSION_LEN), ROOMS[r],
                             self.room_ids[r], status.value, outcome, terms,
                             referral))  # fmt: skip
            if status == SessionStatus.BOOKED:
                booked.append((sid, start, mediators, self.room_ids[r]))
            links.extend((sid, m) for m in mediators)
            if outcome == "agreement":
                for n in DEFAULT_FOLLOW_UP_DAYS:
                    due_day = start // DAY + n
                    done = None
                    if due_day < self.today and rng.random() < 0.85:
                        done_t = (
                            due_day * DAY + rng.randrange(2) * DAY + rng.randrange(9, 18) * 3600
                        )
                        done = ts(min(done_t, self.now_t - 60))
                    follow_ups.append((fid, 1, case_id, sid, officers[g], self._date_str[due_day],
                                       done, "回访协议履行情况" if done else ""))  # fmt: skip
                    fid += 1
            sid += 1

        def pick(cat: str) -> list[int]:
            skilled = self.skilled.get(cat) or self.mediator_ids
            first = rng.choice(skilled)
            if rng.random() < 0.2:
                second = rng.choice(self.mediator_ids)
                if second != first:
                    return [first, second]
            return [first]

        for case_id, start, outcome, referral, cat, g in self.past_sessions:
            session(case_id, start, SessionStatus.HELD, outcome, referral, pick(cat), g)

        # Open mediations: the newest get bookings today and in the next days, honouring
        # patterns, exceptions and capacity; some older ones already had a first session.
        waiting = sorted(self.waiting, key=lambda w: -w[3])
        booked_days: dict[tuple[int, int], int] = {}

        def take(mediator: int, start: int) -> tuple[int, str, int, int] | None:
            """The newest waiting case reported well before ``start``, best a skilled match."""
            fallback = None
            for i, w in enumerate(waiting):
                if w[3] + 2 * 3600 > start:
                    continue
                if mediator in self.skilled.get(w[1], ()):
                    return waiting.pop(i)
                if fallback is None:
                    fallback = i
            return waiting.pop(fallback) if fallback is not None else None

        for d in range(self.today, self.today + 6):
            for n, m in enumerate(self.mediator_ids):
                slots = self._free_slots(m, d)
                if not slots:
                    continue
                if d == self.today:
                    want = max(1, min(self.capacity[m], len(slots)) - (rng.random() < 0.3))
                    chosen = rng.sample(slots, want)
                    current = [s for s in slots if s <= self.now_t < s + SESSION_LEN]
                    if current and n < 5 and current[0] not in chosen:
                        chosen[0] = current[0]  # busy right now
                else:
                    chosen = rng.sample(slots, min(len(slots), rng.choice((1, 1, 2))))
                for start in sorted(chosen):
                    if booked_days.get((m, d), 0) >= self.capacity[m]:
                        break
                    if not free_rooms(start):
                        continue
                    w = take(m, start)
                    if w is None:
                        break
                    booked_days[(m, d)] = booked_days.get((m, d), 0) + 1
                    if start + SESSION_LEN <= self.now_t:
                        outcome = rng.choice(("agreement", "agreement", "partial", "no_agreement"))
                        session(w[0], start, SessionStatus.HELD, outcome,
                                "court" if outcome == "no_agreement" else None, [m],
                                w[2])  # fmt: skip
                    else:
                        session(w[0], start, SessionStatus.BOOKED, None, None, [m], w[2])
        for case_id, cat, g, t in waiting:
            if rng.random() < 0.5:
                sday = t // DAY + 1
                if sday < self.today:
                    start = sday * DAY + rng.choice(SLOTS)
                    session(case_id, start, SessionStatus.HELD, "partial", None, pick(cat), g)
        self.put_fast(MediationSession, SESSION_COLUMNS, sessions)
        self.put_fast(SessionMediator, ("session_id", "mediator_id"), links)
        self.put_fast(FollowUp, FOLLOW_UP_COLUMNS, follow_ups)
        self._claim_session_slots(booked)
        self.report("mediation", 1, 1)

    def _claim_session_slots(self, booked: list[tuple[int, int, list[int], int]]) -> None:
        """The slot claims booked sessions hold (see data.mediation_booking.book_mediation),
        so the database refuses a second booking of their mediators and rooms."""
        from stationdesk.data.schema_booking import QUANTUM, MediatorSlotClaim, RoomSlotClaim
        from stationdesk.domain.scheduling import claim_slots

        mediator_claims: list[dict[str, Any]] = []
        room_claims: list[dict[str, Any]] = []
        for sid, start, mediators, room_id in booked:
            for slot in claim_slots(self.dt(start), self.dt(start + SESSION_LEN), QUANTUM):
                mediator_claims.extend(
                    dict(mediator_id=m, slot_start=slot, session_id=sid) for m in mediators
                )
                room_claims.append(dict(room_id=room_id, slot_start=slot, session_id=sid))
        self.put(MediatorSlotClaim, mediator_claims)
        self.put(RoomSlotClaim, room_claims)

    # -- patrols ----------------------------------------------------------------------

    def patrols(self) -> None:
        rng = self.rng
        self.report("patrols", 0, 1)
        gids = self.grid_ids
        plans = (
            [("东片巡逻线", gids[0:3]), ("南片巡逻线", gids[3:6]), ("西片巡逻线", gids[6:9]),
             ("北片巡逻线", gids[9:12])],
            [("城区巡逻线", gids[0:4]), ("城郊巡逻线", gids[4:8]), ("沿河巡逻线", gids[8:12])],
        )  # fmt: skip
        sid = self.first_id(PatrolShift)
        shifts: list[dict[str, Any]] = []
        members: list[dict[str, Any]] = []
        grids: list[dict[str, Any]] = []
        resting: set[int] = set()  # who worked the previous shift
        worked = dict.fromkeys(self.patrol_police + self.patrol_aux + self.volunteer_ids, 0)
        for d in range(self.today - 14, self.today + 15):
            for kind, start_h in ((ShiftKind.DAY, 8), (ShiftKind.NIGHT, 20)):
                start = d * DAY + start_h * 3600
                end = start + 12 * 3600
                routes = plans[rng.random() < 0.5]
                police = [p for p in self.patrol_police if p not in resting]
                aux = [a for a in self.patrol_aux if a not in resting]
                vols = [v for v in self.volunteer_ids if v not in resting]
                for people in (police, aux, vols):
                    # Fewest shifts so far last, so pop() spreads the hours evenly.
                    rng.shuffle(people)
                    people.sort(key=worked.__getitem__, reverse=True)
                working: set[int] = set()
                for route, route_grids in routes:
                    crew = [police.pop()]
                    if rng.random() < 0.6 and aux:
                        crew.append(aux.pop())
                    for _ in range(rng.randrange(1, 3) if kind == ShiftKind.DAY else 1):
                        if len(crew) < 4 and vols:
                            crew.append(vols.pop())
                    if len(crew) < 2:
                        crew.append(police.pop())
                    working.update(crew)
                    for person in crew:
                        worked[person] += 1
                    if end <= self.now_t:
                        status = (
                            PatrolStatus.MISSED if rng.random() < 0.03 else PatrolStatus.COMPLETED
                        )
                    elif start <= self.now_t:
                        status = PatrolStatus.ON_PATROL
                    else:
                        status = PatrolStatus.PLANNED
                    checked = None
                    if status in (PatrolStatus.COMPLETED, PatrolStatus.ON_PATROL):
                        checked = self.dt(min(start + rng.randrange(60, 900), self.now_t))
                    done = None
                    if status == PatrolStatus.COMPLETED:
                        done = self.dt(min(end + rng.randrange(-600, 1200), self.now_t))
                    shifts.append(dict(id=sid, route=route, kind=kind, starts_at=self.dt(start),
                                       ends_at=self.dt(end), status=status, checked_in_at=checked,
                                       completed_at=done))  # fmt: skip
                    members += [dict(shift_id=sid, staff_id=s) for s in crew]
                    grids += [dict(shift_id=sid, grid_id=g) for g in route_grids]
                    sid += 1
                resting = working
        # From tomorrow on the roster comes from the station's rotation templates.
        last_random = self.dt((self.today + 1) * DAY)
        kept = {s["id"] for s in shifts if s["starts_at"] < last_random}
        shifts = [s for s in shifts if s["id"] in kept]
        members = [m for m in members if m["shift_id"] in kept]
        grids = [g for g in grids if g["shift_id"] in kept]
        sid = self._rostered_from_templates(sid, shifts, members, grids)
        self.put(PatrolShift, shifts)
        self.put(PatrolMember, members)
        self.put(PatrolGrid, grids)
        self._claim_patrol_slots(shifts, members)
        self._leave(shifts, members)
        self.report("patrols", 1, 1)

    def _leave(self, shifts: list[dict[str, Any]], members: list[dict[str, Any]]) -> None:
        """A few dated leave periods, none on a day the person is rostered."""
        from stationdesk.data.schema_roster import StaffLeave

        on_shift: dict[int, set[date]] = {}
        when = {s["id"]: (s["starts_at"], s["ends_at"]) for s in shifts}
        for m in members:
            start, end = when[m["shift_id"]]
            on_shift.setdefault(m["staff_id"], set()).update({start.date(), end.date()})

        def free(people: list[int], first: int, last: int) -> int:
            """The first of ``people`` with no shift on those days (else an assistant)."""
            days = {self.day(d) for d in range(first, last + 1)}
            return next(p for p in people + self.assistants if not on_shift.get(p, set()) & days)

        t = self.today
        wanted = [
            (self.on_leave, t - 2, t + 5, LeaveKind.ANNUAL, "年休假，回老家探亲"),
            (free(self.law_officers[::-1] + self.duty_officers[1:], t - 1, t + 1), t - 1, t + 1,
             LeaveKind.SICK,
             "腰扭伤，医院开具病假条"),
            (free(self.patrol_aux, t + 3, t + 6), t + 3, t + 6, LeaveKind.TRAINING,
             "市局辅警业务培训"),
            (self.director, t + 8, t + 10, LeaveKind.TRAINING, "市局所长轮训"),
            (self.grid_officers[2], t - 40, t - 35, LeaveKind.ANNUAL, "年休假"),
        ]  # fmt: skip
        at = self.dt(max(0, self.now_t - 10 * DAY))
        lid = self.first_id(StaffLeave)
        self.put(StaffLeave, [
            dict(id=lid + n, staff_id=sid, first_day=self.day(a), last_day=self.day(b), kind=kind,
                 reason=reason, created_by="system", created_at=at, version=1)
            for n, (sid, a, b, kind, reason) in enumerate(wanted)
        ])  # fmt: skip

    def _rostered_from_templates(
        self, sid: int, shifts: list[dict[str, Any]], members: list[dict[str, Any]],
        grids: list[dict[str, Any]],
    ) -> int:  # fmt: skip
        """Two rotation templates, and the next two weeks of patrols generated from them."""
        from stationdesk.data.roster_templates import _line_row
        from stationdesk.data.schema_roster import RosterTemplate, RosterTemplateLine
        from stationdesk.domain.rotation import RotationLine, RotationTemplate, generate_shifts

        pick = random.Random(self.seed * 31 + 4)  # its own stream: later data stays the same
        gids = self.grid_ids
        routes = [("城区巡逻线", gids[0:4]), ("城郊巡逻线", gids[4:8]), ("沿河巡逻线", gids[8:12])]
        police = sorted(self.patrol_police)
        pick.shuffle(police)
        partners = sorted(self.patrol_aux) + sorted(self.volunteer_ids)
        pick.shuffle(partners)
        odd, even = frozenset({0, 2, 4, 6}), frozenset({1, 3, 5})
        # Four groups per route: day/odd days, day/even, night/odd, night/even. In week two
        # day-odd <-> night-even and day-even <-> night-odd swap, which keeps >= 24 h rest.
        lines: list[RotationLine] = []
        for r, (route, route_grids) in enumerate(routes):
            crews = [frozenset({police[r * 4 + k], partners[r * 4 + k]}) for k in range(4)]
            day_odd, day_even, night_odd, night_even = crews
            for kind, hour, days, week1, week2 in (
                (ShiftKind.DAY, 8, odd, day_odd, night_even),
                (ShiftKind.DAY, 8, even, day_even, night_odd),
                (ShiftKind.NIGHT, 20, odd, night_odd, day_even),
                (ShiftKind.NIGHT, 20, even, night_even, day_odd),
            ):
                lines.append(RotationLine(route, kind, time(hour), 720, frozenset(route_grids),
                                          (week1, week2), days))  # fmt: skip
        spare = police[12:]
        extra = RotationLine("商圈加强巡逻线", ShiftKind.CUSTOM, time(10), 360,
                             frozenset(gids[0:2]),
                             (frozenset({spare[0], *partners[12:14]}),
                              frozenset({spare[1], *partners[14:16]})),
                             calendar="days_off")  # fmt: skip
        monday = self.day(self.today) - timedelta(days=self.day(self.today).weekday())
        templates = (
            RotationTemplate(0, "城区城郊沿河两周轮换", 2, monday, tuple(lines)),
            RotationTemplate(0, "节假日商圈加强巡逻", 2, monday, (extra,)),
        )
        first, last = self.day(self.today + 1), self.day(self.today + 14)
        for template in templates:
            tid = self.conn.execute(
                insert(RosterTemplate).returning(RosterTemplate.id),
                dict(name=template.name, weeks=template.weeks, anchor=template.anchor, version=1),
            ).scalar_one()
            rows = [_line_row(tid, i, line) for i, line in enumerate(template.lines)]
            self.put(RosterTemplateLine, [
                {c.key: getattr(row, c.key) for c in RosterTemplateLine.__table__.c
                 if c.key != "id"} for row in rows
            ])  # fmt: skip
            for planned in generate_shifts(template, first, last):
                shifts.append(dict(id=sid, route=planned.route, kind=planned.kind,
                                   starts_at=planned.start, ends_at=planned.end,
                                   status=PatrolStatus.PLANNED, checked_in_at=None,
                                   completed_at=None))  # fmt: skip
                members += [dict(shift_id=sid, staff_id=s) for s in sorted(planned.member_ids)]
                grids += [dict(shift_id=sid, grid_id=g) for g in sorted(planned.grid_ids)]
                sid += 1
        return sid

    def _claim_patrol_slots(
        self, shifts: list[dict[str, Any]], members: list[dict[str, Any]]
    ) -> None:
        """The slot claims every rostered person holds (see data.patrols.book)."""
        from stationdesk.data.schema_roster import PatrolSlotClaim
        from stationdesk.domain.scheduling import claim_slots

        when = {s["id"]: (s["starts_at"], s["ends_at"]) for s in shifts}
        taken: set[tuple[int, datetime]] = set()
        claims: list[dict[str, Any]] = []
        for m in members:
            for slot in claim_slots(*when[m["shift_id"]]):
                if (m["staff_id"], slot) not in taken:
                    taken.add((m["staff_id"], slot))
                    claims.append(dict(staff_id=m["staff_id"], slot_start=slot,
                                       shift_id=m["shift_id"]))  # fmt: skip
        self.put(PatrolSlotClaim, claims)

    # -- community work ---------------------------------------------------------------

    def community(self) -> None:
        rng = self.rng
        self.report("community", 0, 1)
        vid = self.first_id(HouseholdVisit)
        oid = self.first_id(OutreachEvent)
        surnames = [self.fake.last_name() for _ in range(200)]
        visits: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        topics = list(OutreachTopic)
        grid_rows = self.conn.execute(select(Grid.id, Grid.visit_target_per_month)).all()
        target = dict(grid_rows)
        # The targets the Community view measures against: station settings.
        value = encode_targets(VisitTargets(per_grid={g: int(n) for g, n in target.items()}))
        self.put(Setting, [dict(key=TARGETS_KEY, value=value)])
        for g, grid_id in enumerate(self.grid_ids):
            # Two months of visits against the monthly target; the grid whose officer is
            # on leave falls behind.
            factor = 0.4 if self.grid_officers[g] == self.on_leave else rng.uniform(0.75, 1.15)
            for _ in range(int(target[grid_id] * 2 * factor)):
                d = self.today - rng.randrange(0, 60)
                t = d * DAY + rng.randrange(9 * 3600, 18 * 3600)
                if t > self.now_t:
                    t -= DAY
                officer = (
                    self.grid_officers[g]
                    if rng.random() < 0.7
                    else rng.choice(self.grid_helpers[g])
                )
                visits.append(dict(id=vid, grid_id=grid_id, officer_id=officer,
                                   visited_at=self.dt(t),
                                   household=rng.choice(surnames) + rng.choice(("家", "户")),
                                   address=rng.choice(self.addresses[g]),
                                   purpose=rng.choice(VISIT_PURPOSES), notes=""))  # fmt: skip
                vid += 1
            for _ in range(rng.randrange(3, 7)):
                t = (
                    (self.today - rng.randrange(1, 60)) * DAY
                    + rng.choice((9, 14, 19)) * 3600
                    + 1800
                )
                events.append(dict(id=oid, grid_id=grid_id, topic=rng.choice(topics),
                                   held_at=self.dt(t),
                                   place=self.grid_names[g] + rng.choice(PLACES),
                                   attendees=rng.randrange(15, 150),
                                   organiser_id=self.grid_officers[g]))  # fmt: skip
                oid += 1
        visits.sort(key=lambda v: v["visited_at"])
        for n, v in enumerate(visits):  # ids in time order, like real entry
            v["id"] = vid - len(visits) + n
        self.put(HouseholdVisit, visits)
        self.put(OutreachEvent, events)
        self.report("community", 1, 1)


BIG_TABLES = ("case_file", "case_party", "case_status_change", "case_note")


Rows = list[tuple[Any, ...]]
Batch = tuple[Rows, Rows, Rows, Rows, int]  # cases, parties, status changes, notes, done
Outcome = tuple[list[tuple[int, int, str, str | None, str, int]], list[tuple[int, str, int, int]]]
SPAWN_FROM = 100_000


@dataclass(frozen=True)
class _CasePlan:
    """Everything the case loop needs, as plain picklable values."""

    total: int
    seed: int
    base: datetime
    today: int
    now_t: int
    pool: list[tuple[str, str, str]]
    grid_ids: list[int]
    grid_weights: list[float]
    grid_officers: list[int]
    addresses: list[list[str]]
    others: list[int]
    law_officers: list[int]
    duty_user: int | None
    zhang: int
    zhang_user: int | None
    case_id: int
    party_id: int
    change_id: int
    note_id: int


class _CaseMaker:
    """Makes the case rows from a plan; touches no database (it may run in a child)."""

    def __init__(self, plan: _CasePlan) -> None:
        self.plan = plan
        days = [plan.base.date() + timedelta(days=d) for d in range(plan.today + 62)]
        self._day_str = [d.isoformat() + " " for d in days]
        self._tod = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(DAY)]

    def day(self, d: int) -> date:
        return self.plan.base.date() + timedelta(days=d)

    def batches(self) -> Generator[Batch, None, Outcome]:
        """Chunks of rows; returns (past sessions, cases waiting for mediation) at the end.

        One flat loop over plain strings and whole seconds: at a million cases every
        attribute lookup and function call in here costs about a second. Each chunk's
        lists are cleared once the consumer asks for the next one.
        """
        plan = self.plan
        total = plan.total
        rng = random.Random(f"{plan.seed}/cases")
        rand = rng.random
        choices = rng.choices
        D, T, day_len = self._day_str, self._tod, DAY
        now_t, today = plan.now_t, plan.today
        pool = plan.pool
        npool = len(pool)

        # Cases per day: busier weekends, day-to-day noise, today only up to now.
        first_day = today - CASE_DAYS + 1
        now_sec = now_t - today * DAY
        hour_cum = _cum(HOUR_WEIGHTS)
        today_hours = list(HOUR_WEIGHTS[: now_sec // 3600 + 1])
        today_hours[-1] *= (now_sec % 3600) / 3600
        today_cum = _cum(today_hours)
        weights = []
        for d in range(first_day, today + 1):
            w = (1.12 if self.day(d).weekday() >= 5 else 1.0) * rng.uniform(0.85, 1.15)
            weights.append(w * (today_cum[-1] / hour_cum[-1] if d == today else 1.0))
        per_day = _spread(total, weights)

        cats = [c.value for c in CATEGORY_WEIGHTS]
        cat_cum = _cum(list(CATEGORY_WEIGHTS.values()))
        srcs = [s.value for s in SOURCE_WEIGHTS]
        src_cum = _cum(list(SOURCE_WEIGHTS.values()))
        pris = [p.value for p in PRIORITY_WEIGHTS]
        pri_cum = _cum(list(PRIORITY_WEIGHTS.values()))
        disputes = {c.value for c in DISPUTE_CATEGORIES}
        first_resp = {
            p.value: int(DEFAULT_POLICY.first_response[p].total_seconds()) for p in Priority
        }
        resolve = {c.value: {p.value: int(DEFAULT_POLICY.resolution_time(p, c).total_seconds())
                             for p in Priority} for c in CaseCategory}  # fmt: skip
        mix = [[_cum(m) for m in bucket] for bucket in STATUS_MIX]
        statuses = [s.value for s in STATUS_ORDER]
        summaries = {c.value: SUMMARIES[c] for c in CaseCategory}
        roles_of = {c.value: tuple(r.value for r in _party_roles(c)) for c in CaseCategory}
        grid_idx = list(range(len(plan.grid_ids)))
        officers, addresses, grid_ids = plan.grid_officers, plan.addresses, plan.grid_ids
        others, law = plan.others, plan.law_officers
        duty_user, zhang, zhang_user = plan.duty_user, plan.zhang, plan.zhang_user
        CP, CR, LE = (Team.COMMUNITY_POLICING.value, Team.COMMAND_ROOM.value,
                      Team.LAW_ENFORCEMENT.value)  # fmt: skip
        NEW, ASSIGNED, IN_PROGRESS, IN_MED, ESCALATED, REFERRED, RESOLVED, CLOSED = statuses
        FINISHED = (RESOLVED, CLOSED)
        urgent = Priority.URGENT.value
        n_actions, n_notes = len(ACTIONS), len(NOTES)

        case_id, party_id, change_id, note_id = (
            plan.case_id,
            plan.party_id,
            plan.change_id,
            plan.note_id,
        )
        case_rows: list[tuple[Any, ...]] = []
        party_rows: list[tuple[Any, ...]] = []
        change_rows: list[tuple[Any, ...]] = []
        note_rows: list[tuple[Any, ...]] = []
        add_case, add_party = case_rows.append, party_rows.append
        add_change, add_note = change_rows.append, note_rows.append
        # For mediation: past sessions (case, start, outcome, referral, category, grid)
        # and open in-mediation cases waiting for a booking (case, category, grid, reported).
        past_sessions: list[tuple[int, int, str, str | None, str, int]] = []
        waiting: list[tuple[int, str, int, int]] = []
        done = 0

        for offset, n in enumerate(per_day):
            if not n:
                continue
            d = first_day + offset
            day0 = d * DAY
            day_no = self.day(d).strftime("%Y%m%d") + "-"
            if d == today:
                hours = choices(range(len(today_cum)), cum_weights=today_cum, k=n)
                last = len(today_cum) - 1
                secs = sorted(h * 3600 + int(rand() * (now_sec % 3600 if h == last else 3600))
                              for h in hours)  # fmt: skip
            else:
                hours = choices(range(24), cum_weights=hour_cum, k=n)
                secs = sorted(h * 3600 + int(rand() * 3600) for h in hours)
            day_cats = choices(cats, cum_weights=cat_cum, k=n)
            day_srcs = choices(srcs, cum_weights=src_cum, k=n)
            day_pris = choices(pris, cum_weights=pri_cum, k=n)
            day_grids = choices(grid_idx, cum_weights=plan.grid_weights, k=n)
            for i in range(n):
                t = day0 + secs[i]
                age = now_t - t
                cat = day_cats[i]
                pri = day_pris[i]
                g = day_grids[i]
                dispute = cat in disputes
                fr = first_resp[pri]
                res = resolve[cat][pri]
                bucket = 0 if age < 7200 else 1 if age < day_len else 2 if age < 7 * day_len else 3
                status = statuses[bisect(mix[bucket][not dispute], rand() * 100)]
                # When the first step happened: mostly within the response time.
                r = rand()
                delay = int(fr * (0.1 + r * 0.85 if r < 0.93 else 1 + r * 1.5))
                closed = 0
                if status == NEW:
                    steps: tuple[str, ...] = ()
                    end = t
                elif status in FINISHED:
                    end = 0
                    if dispute and age > 5 * day_len and rand() < MEDIATED_SHARE:
                        t_med = t + delay + int(rand() * day_len)
                        sday = t_med // day_len + 1 + int(rand() * 3)
                        if sday < today:  # sessions before today only: today is booked later
                            s_start = sday * day_len + SLOTS[int(rand() * 4)]
                            end = s_start + SESSION_LEN + 600 + int(rand() * 3600)
                            steps = (IN_PROGRESS, IN_MED, RESOLVED)
                            outcome = "agreement" if rand() < 0.8 else "partial"
                            past_sessions.append((case_id, s_start, outcome, None, cat, g))
                    if not end:
                        r = rand()
                        if r < 0.4:
                            span = delay + 600 + int(rand() * 3600)  # settled on the spot
                            steps = (RESOLVED,)
                        else:
                            r2 = rand()
                            span = int(res * (0.03 + r2 * 0.85 if r2 < 0.9 else 0.9 + r2 * 0.6))
                            steps = (IN_PROGRESS, RESOLVED) if r < 0.85 else (
                                ASSIGNED, IN_PROGRESS, RESOLVED)  # fmt: skip
                        end = t + max(span, delay + 60)
                        if end >= now_t - 60:
                            # Not finished yet at that pace: finished at some earlier
                            # moment instead, so resolutions do not pile up at "now".
                            end = t + int((now_t - 60 - t) * rand())
                    if status == CLOSED:
                        closed = end + 3600 + int(rand() * 3 * day_len)
                        if closed < now_t:
                            steps = (*steps, CLOSED)
                        else:
                            status, closed = RESOLVED, 0
                else:
                    # Open: the last step happened some time between the first and now.
                    end = t + min(
                        age, delay + int((age - delay if age > delay else 0) * rand() * 0.7)
                    )
                    if status == ASSIGNED:
                        steps = (ASSIGNED,)
                    elif status == IN_PROGRESS:
                        steps = (IN_PROGRESS,) if rand() < 0.7 else (ASSIGNED, IN_PROGRESS)
                    elif status == IN_MED:
                        steps = (IN_PROGRESS, IN_MED)
                        waiting.append((case_id, cat, g, t))
                    else:  # escalated or referred, perhaps after a failed mediation
                        steps = (IN_PROGRESS, status) if rand() < 0.7 else (status,)
                        if dispute and age > 3 * day_len and rand() < 0.3:
                            sday = (t + delay) // day_len + 1
                            if sday < today:
                                s_start = sday * day_len + SLOTS[int(rand() * 4)]
                                end = min(s_start + SESSION_LEN + 1800, now_t)
                                steps = (IN_PROGRESS, IN_MED, status)
                                target = "law_enforcement" if status == ESCALATED else (
                                    "court" if rand() < 0.6 else "other_agency")  # fmt: skip
                                past_sessions.append(
                                    (case_id, s_start, "no_agreement", target, cat, g)
                                )

                # Owner: the grid officer mostly; escalations go to the law-enforcement team.
                if status == NEW:
                    owner, team = None, None
                elif status == ESCALATED:
                    owner, team = law[int(rand() * len(law))], LE
                elif rand() < 0.85:
                    owner, team = officers[g], CP
                else:
                    owner = others[int(rand() * len(others))]
                    team = LE if owner in law else CR
                by_user = zhang_user if owner == zhang else duty_user

                # Status history: created, then the steps spread from the first step to end.
                reported = D[t // day_len] + T[t % day_len]
                add_change((change_id, case_id, None, NEW, reported, duty_user, ""))
                change_id += 1
                at = t
                last_at = reported
                if steps:
                    k = len(steps) - (closed > 0)
                    first = t + min(delay, (end - t) // 3) if k > 1 else end
                    stride = (end - first) // (k - 1) if k > 1 else 0
                    prev = NEW
                    for j, step in enumerate(steps):
                        at = closed if step == CLOSED else end if j == k - 1 else first + stride * j
                        reason = ""
                        if step == ESCALATED:
                            reason = REASONS_ESCALATE[int(rand() * 2)]
                        elif step == REFERRED:
                            reason = REASONS_REFER[int(rand() * 3)]
                        last_at = D[at // day_len] + T[at % day_len]
                        add_change((change_id, case_id, prev, step, last_at, by_user, reason))
                        change_id += 1
                        prev = step

                texts = summaries[cat]
                summary = texts[int(rand() * len(texts))]
                repeat = rand() < 0.03
                if repeat:
                    summary = "再次报警：" + summary
                places = addresses[g]
                person = pool[int(rand() * npool)]
                t_fr, t_res = t + fr, t + res
                add_case((
                    case_id, 1, day_no + f"{i + 1:04d}", cat, day_srcs[i], pri, status,
                    grid_ids[g], places[int(rand() * len(places))], summary,
                    f"{person[0]}报称{summary}，{ACTIONS[int(rand() * n_actions)]}。",
                    reported, reported, last_at,
                    last_at if status in FINISHED or status == REFERRED else None,
                    D[t_fr // day_len] + T[t_fr % day_len],
                    D[t_res // day_len] + T[t_res % day_len],
                    owner, team, repeat, rand() < (0.12 if pri == urgent else 0.015),
                ))  # fmt: skip

                # Parties: the reporter first, then the other side and perhaps a witness.
                r = rand()
                roles = roles_of[cat]
                add_party((party_id, case_id, person[0], roles[0], person[1], person[2]))
                party_id += 1
                if r > (0.6 if not dispute else 0.1):
                    other = pool[int(rand() * npool)]
                    add_party((party_id, case_id, other[0], roles[1], other[1], other[2]))
                    party_id += 1
                    if r > 0.88:
                        other = pool[int(rand() * npool)]
                        add_party((party_id, case_id, other[0], roles[2], other[1], other[2]))
                        party_id += 1

                if at > t and rand() < 0.08:
                    note_at = t + int((at - t) * rand())
                    note_time = D[note_at // day_len] + T[note_at % day_len]
                    add_note((note_id, case_id, by_user, note_time,
                              NOTES[int(rand() * n_notes)], None, None, ""))  # fmt: skip
                    note_id += 1
                case_id += 1
                done += 1
                if len(case_rows) >= CHUNK:
                    yield case_rows, party_rows, change_rows, note_rows, done
                    for rows in (case_rows, party_rows, change_rows, note_rows):
                        rows.clear()
        yield case_rows, party_rows, change_rows, note_rows, done
        return past_sessions, waiting


def _frame(stream: Any, kind: str, payload: Any) -> None:
    # marshal: rows are plain tuples of str/int/bool/None, and it is 3x faster than pickle.
    data = marshal.dumps((kind, payload))
    stream.write(struct.pack("<Q", len(data)))
    stream.write(data)


def _read_exactly(stream: Any, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError
    return bytes(data)


def _worker_main() -> None:
    """Child process: read a plan on stdin, write the rows, pickled, chunk by chunk."""
    plan = pickle.loads(sys.stdin.buffer.read())
    out = sys.stdout.buffer
    source = _CaseMaker(plan).batches()
    while True:
        try:
            batch = next(source)
        except StopIteration as stop:
            _frame(out, "end", stop.value)
            out.flush()
            return
        _frame(out, "rows", batch)


def _spawned_batches(plan: _CasePlan) -> Generator[Batch, None, Outcome]:
    """The batches of :class:`_CaseMaker`, made in a second Python process.

    A plain ``python -c`` child rather than multiprocessing: spawn re-runs the caller's
    main script (harmful in any script without a ``__main__`` guard) and forking a
    process that holds database connections and Qt threads is unsafe. Where no such
    child can run (a frozen build) or it fails before its first rows, the rows are made
    here instead -- the same rows, only slower.
    """
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    try:
        if getattr(sys, "frozen", False):
            raise OSError("frozen build")
        child = subprocess.Popen(
            [sys.executable, "-c", f"from {__name__} import _worker_main; _worker_main()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
        )  # fmt: skip
    except OSError as exc:
        log.info("demo rows made in one process (%s)", exc)
        return (yield from _CaseMaker(plan).batches())
    assert child.stdin is not None and child.stdout is not None
    received = 0
    try:
        try:
            child.stdin.write(pickle.dumps(plan, pickle.HIGHEST_PROTOCOL))
            child.stdin.close()
        except OSError:
            pass  # it died at once; reading says so below
        while True:
            try:
                (size,) = struct.unpack("<Q", _read_exactly(child.stdout, 8))
                kind, payload = marshal.loads(_read_exactly(child.stdout, size))
            except EOFError:
                if received:
                    raise RuntimeError(
                        f"the demo case generator stopped unexpectedly (exit {child.wait()})"
                    ) from None
                log.warning("demo helper process failed (exit %s); making rows here", child.wait())
                return (yield from _CaseMaker(plan).batches())
            if kind == "end":
                return cast(Outcome, payload)
            received += 1
            yield cast(Batch, payload)
    finally:
        child.stdout.close()
        if child.poll() is None:
            child.kill()
        child.wait()


def _party_roles(category: CaseCategory) -> tuple[PartyRole, PartyRole, PartyRole]:
    """Roles of the first, second and third party of a case of ``category``."""
    if category.is_dispute or category == CaseCategory.CONFLICT:
        return PartyRole.COMPLAINANT, PartyRole.RESPONDENT, PartyRole.WITNESS
    if category in (CaseCategory.THEFT, CaseCategory.FRAUD):
        return PartyRole.VICTIM, PartyRole.WITNESS, PartyRole.SUSPECT
    return PartyRole.COMPLAINANT, PartyRole.OTHER, PartyRole.WITNESS


CASE_COLUMNS = (
    "id", "version", "case_no", "category", "source", "priority", "status", "grid_id", "address",
    "summary", "description", "reported_at", "created_at", "updated_at", "closed_at",
    "first_response_due", "resolution_due", "owner_staff_id", "owner_team", "is_repeat", "notable",
)  # fmt: skip
PARTY_COLUMNS = ("id", "case_id", "name", "role", "resident_id", "phone")
CHANGE_COLUMNS = ("id", "case_id", "from_status", "to_status", "at", "by_user_id", "reason")
SESSION_COLUMNS = ("id", "version", "case_id", "starts_at", "ends_at", "room", "room_id",
                   "status", "outcome", "agreement_terms", "referral_target")  # fmt: skip
FOLLOW_UP_COLUMNS = ("id", "version", "case_id", "session_id", "officer_id", "due_on", "done_at",
                     "note")  # fmt: skip
NOTE_COLUMNS = ("id", "case_id", "author_user_id", "at", "text", "struck_at", "struck_by_user_id",
                "strike_reason")  # fmt: skip
