"""Made-up handover data of a chosen size, for the benchmark and for looking at layouts.

No database is needed: :func:`synthetic_handover_data` builds a deterministic
:class:`HandoverData` (same ``pages`` and ``seed``, same data) whose report runs to
about ``pages`` A4 pages, mostly through a long list of overdue cases, the way a
neglected station's handover grows. Names and ID numbers are invented; IDs carry a
valid check character and are masked like the standard edition.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from stationdesk.data.handover_facts import (
    CaseLine,
    CrewMember,
    FollowUpLine,
    HandoverData,
    OutreachLine,
    PartyLine,
    PatrolLine,
    PriorityCount,
    SessionLine,
    VisitLine,
)
from stationdesk.domain.enums import (
    CaseCategory,
    CaseStatus,
    MediationOutcome,
    OutreachTopic,
    PartyRole,
    PatrolStatus,
    Priority,
    SessionStatus,
    ShiftKind,
    StaffKind,
    Team,
)
from stationdesk.domain.validation import mask_phone, mask_resident_id, resident_id_check_char

SHIFT_START = datetime(2025, 3, 14, 8, 0)
SHIFT_END = datetime(2025, 3, 14, 20, 0)
# Layout yardsticks measured on the real report: the fixed sections (60 new cases
# with their parties, mediation, patrols...) fill about eleven pages, and a page
# holds about 26 carried-over cases (their deadline cell has two lines).
_FIXED_PAGES = 11
_CARRIED_ROWS_PER_PAGE = 26

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强婷玉兰鹏飞海燕晨"
_GRIDS = (
    "朝阳社区",
    "西街社区",
    "龙泉社区",
    "东关社区",
    "滨河社区",
    "新华社区",
    "杨家营村",
    "张庄村",
    "柳树屯村",
    "刘家湾村",
    "前进村",
    "小寨村",
)
_SUMMARIES = (
    "邻里噪音纠纷",
    "楼上漏水引发邻里纠纷，双方多次协商未果，要求民警到场处理",
    "电动车被盗",
    "冒充客服退款诈骗，报警人已转账人民币三千元，需协调银行止付",
    "拖欠农民工工资，涉及十余名工人，情绪较为激动",
    "老人走失求助",
    "停车剐蹭纠纷",
    "酒后滋事",
    "可疑人员徘徊",
    "宅基地边界纠纷，历史遗留问题，需会同村委会共同调处",
    "网购退货纠纷",
    "赡养老人纠纷",
)
_ROUTES = ("城区巡逻线", "城郊巡逻线", "沿河巡逻线")
_ROOMS = ("第一调解室", "第二调解室", "警务室")


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.case_seq = 0

    def name(self) -> str:
        given = self.rng.choice(_GIVEN) + (
            self.rng.choice(_GIVEN) if self.rng.random() < 0.6 else ""
        )
        return self.rng.choice(_SURNAMES) + given

    def resident_id(self) -> str:
        birth = date(1950, 1, 1) + timedelta(days=self.rng.randrange(0, 365 * 55))
        first = f"370102{birth:%Y%m%d}{self.rng.randrange(0, 1000):03d}"
        return first + resident_id_check_char(first)

    def phone(self) -> str:
        return f"1{self.rng.choice('3589')}{self.rng.randrange(0, 10**9):09d}"

    def parties(self) -> tuple[PartyLine, ...]:
        roles = (PartyRole.COMPLAINANT, PartyRole.RESPONDENT, PartyRole.WITNESS)
        return tuple(
            PartyLine(
                self.name(),
                roles[i],
                mask_resident_id(self.resident_id()),
                mask_phone(self.phone()),
            )
            for i in range(self.rng.choice((1, 2, 2, 3)))
        )

    def case(
        self,
        reported: datetime,
        *,
        priority: Priority | None = None,
        overdue: bool = False,
        with_parties: bool = False,
    ) -> CaseLine:
        rng = self.rng
        self.case_seq += 1
        priority = priority or rng.choice(list(Priority))
        status = rng.choice(
            (CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.IN_MEDIATION)
            if reported < SHIFT_START
            else tuple(CaseStatus)[:4]
        )
        if overdue:  # somewhere between the report and the end of the shift
            due = reported + (SHIFT_END - reported) * rng.uniform(0.05, 0.95)
        else:
            due = SHIFT_END + timedelta(hours=rng.randrange(1, 24 * 14))
        due = due.replace(second=0, microsecond=0)
        team = rng.choice((Team.COMMUNITY_POLICING, Team.LAW_ENFORCEMENT, None))
        return CaseLine(
            case_no=f"{reported:%Y%m%d}-{self.case_seq % 10000:04d}",
            reported_at=reported,
            category=rng.choice(list(CaseCategory)),
            priority=priority,
            status=status,
            grid=rng.choice(_GRIDS),
            owner=self.name() if rng.random() < 0.8 else "",
            owner_team=team,
            summary=rng.choice(_SUMMARIES),
            resolution_due=due,
            overdue=overdue,
            parties=self.parties() if with_parties else (),
        )


def synthetic_handover_data(pages: int = 50, seed: int = 7) -> HandoverData:
    """A day-shift handover whose report is about ``pages`` pages long (at least 11)."""
    m = _Maker(seed)
    rng = m.rng
    shift_minutes = int((SHIFT_END - SHIFT_START).total_seconds() // 60)

    new_cases = tuple(
        m.case(SHIFT_START + timedelta(minutes=t), with_parties=True)
        for t in sorted(rng.randrange(0, shift_minutes) for _ in range(60))
    )
    carried_rows = max(0, pages - _FIXED_PAGES) * _CARRIED_ROWS_PER_PAGE
    per_priority = {p: carried_rows // 4 for p in Priority}
    carried: list[CaseLine] = []
    counts = []
    for priority, n in per_priority.items():
        overdue = max(0, n - 20)
        lines = [
            m.case(
                SHIFT_START - timedelta(days=rng.randrange(1, 90)),
                priority=priority,
                overdue=i < overdue,
            )
            for i in range(n)
        ]
        # Overdue first, each part by deadline, as collect_handover lists them.
        lines.sort(key=lambda c: (not c.overdue, c.resolution_due or SHIFT_END))
        carried += lines
        counts.append(PriorityCount(priority, n + rng.randrange(0, 40), overdue, n))
    notable = tuple(
        m.case(SHIFT_START + timedelta(minutes=rng.randrange(0, shift_minutes)), with_parties=True)
        for _ in range(8)
    )

    def session(start: datetime, held: bool) -> SessionLine:
        return SessionLine(
            starts_at=start,
            ends_at=start + timedelta(minutes=90),
            case_no=f"{start:%Y%m%d}-{rng.randrange(1, 60):04d}",
            case_summary=rng.choice(_SUMMARIES),
            room=rng.choice(_ROOMS),
            status=SessionStatus.HELD if held else SessionStatus.BOOKED,
            outcome=rng.choice(list(MediationOutcome)) if held else None,
            referral=None,
            mediators=tuple(m.name() for _ in range(rng.choice((1, 2)))),
        )

    held = tuple(
        session(SHIFT_START + timedelta(hours=h, minutes=30 * (i % 2)), True)
        for i, h in enumerate((1, 1, 2, 3, 6, 6, 7, 8))
    )
    coming = tuple(session(SHIFT_END + timedelta(hours=h), False) for h in (13, 14))
    patrols = tuple(
        PatrolLine(
            starts_at=SHIFT_START,
            ends_at=SHIFT_END,
            route=route,
            kind=ShiftKind.DAY,
            status=PatrolStatus.MISSED if i == 2 else PatrolStatus.COMPLETED,
            crew=(
                CrewMember(m.name(), StaffKind.POLICE),
                CrewMember(m.name(), StaffKind.AUXILIARY),
                CrewMember(m.name(), StaffKind.VOLUNTEER),
            ),
            grids=tuple(_GRIDS[i * 4 : i * 4 + 4]),
        )
        for i, route in enumerate(_ROUTES)
    )
    visits = tuple(
        VisitLine(
            SHIFT_START + timedelta(minutes=rng.randrange(60, shift_minutes)),
            rng.choice(_GRIDS),
            m.name(),
            rng.choice(_SURNAMES) + "家",
            "了解独居老人生活情况",
        )
        for _ in range(20)
    )
    outreach = (
        OutreachLine(
            SHIFT_START + timedelta(hours=2), _GRIDS[0], OutreachTopic.FRAUD, "社区广场", 86
        ),
        OutreachLine(
            SHIFT_START + timedelta(hours=7), _GRIDS[6], OutreachTopic.DRUGS, "村委会", 40
        ),
    )
    follow_ups = tuple(
        FollowUpLine(
            SHIFT_START.date() + timedelta(days=d),
            f"2025{rng.randrange(1, 3):02d}{rng.randrange(1, 28):02d}-{rng.randrange(1, 40):04d}",
            m.name(),
            "调解协议履行情况回访",
            d < 0,
        )
        for d in sorted(rng.randrange(-20, 2) for _ in range(25))
    )
    by_category = {c: 0 for c in CaseCategory}
    by_priority = {p: 0 for p in Priority}
    for c in new_cases:
        by_category[c.category] += 1
        by_priority[c.priority] += 1
    return HandoverData(
        station="南关派出所",
        shift_start=SHIFT_START,
        shift_end=SHIFT_END,
        shift_kind=ShiftKind.DAY,
        as_of=SHIFT_END,
        full_personal_data=False,
        new_cases_total=len(new_cases),
        new_by_category=tuple(by_category.items()),
        new_by_priority=tuple(by_priority.items()),
        new_cases=new_cases,
        open_by_priority=tuple(counts),
        carried_over=tuple(carried),
        notable_total=len(notable),
        notable=notable,
        mediation_held=held,
        mediation_coming=coming,
        patrols=patrols,
        grids_total=len(_GRIDS),
        uncovered_grids=_GRIDS[8:12],
        visits_total=len(visits),
        visits=visits,
        outreach=outreach,
        follow_ups_total=len(follow_ups),
        follow_ups=follow_ups,
        instructions="1. 今晚22时起对幸福路沿线加强巡逻，重点关注电动车盗窃。\n"
        "2. 明日上午9时所长召开例会，各组长参加。",
    )


__all__ = ["synthetic_handover_data"]
