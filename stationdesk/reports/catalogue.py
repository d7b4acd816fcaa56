"""Every string the printed reports show, in Simplified Chinese and English.

One table keyed by message id; each entry holds both languages and uses
``str.format`` placeholders (``{count}``), which must be the same in both.
Enum labels live here too (``category.theft``...), so a report never prints a raw
database value. The UI has its own catalogue (Qt ``tr()``); these are for paper.
"""

from __future__ import annotations

import string
from enum import Enum
from types import MappingProxyType

from stationdesk.domain.enums import (
    CaseCategory,
    CaseStatus,
    MediationOutcome,
    MediatorKind,
    OutreachTopic,
    PartyRole,
    PatrolStatus,
    Priority,
    ReferralTarget,
    SessionStatus,
    ShiftKind,
    StaffKind,
    Team,
)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_MESSAGES: dict[str, dict[str, str]] = {
    # --- header and page furniture
    "title": {"zh_CN": "值班交接班报告", "en": "Shift handover report"},
    "pdf_title": {
        "zh_CN": "{station}值班交接班报告 {period}",
        "en": "{station} shift handover report {period}",
    },
    "running_header": {
        "zh_CN": "{station} · 值班交接班报告 · {period}",
        "en": "{station} · Shift handover · {period}",
    },
    "page_x_of_y": {"zh_CN": "第 {page} 页，共 {pages} 页", "en": "Page {page} of {pages}"},
    "content_hash": {"zh_CN": "内容 SHA-256：{hash}", "en": "Content SHA-256: {hash}"},
    "field_station": {"zh_CN": "派出所", "en": "Station"},
    "field_shift": {"zh_CN": "班次", "en": "Shift"},
    "shift_period": {"zh_CN": "{start} 至 {end}（{kind}）", "en": "{start} to {end} ({kind})"},
    "field_outgoing": {"zh_CN": "交班值班民警", "en": "Outgoing duty officer"},
    "field_incoming": {"zh_CN": "接班值班民警", "en": "Incoming duty officer"},
    "field_generated": {"zh_CN": "生成时间", "en": "Generated at"},
    "field_as_of": {"zh_CN": "数据截至", "en": "Figures as of"},
    "field_edition": {"zh_CN": "版本", "en": "Edition"},
    "edition_masked": {
        "zh_CN": "标准版（身份证号码、电话号码已脱敏）",
        "en": "Standard edition (resident ID and phone numbers masked)",
    },
    "edition_full": {
        "zh_CN": "完整版（含未脱敏个人信息，生成已记入审计日志，请妥善保管）",
        "en": "Full edition (unmasked personal data; its printing is audited — keep it secure)",
    },
    "font_not_embedded": {
        "zh_CN": "注意：本机未找到可嵌入的中文字体，本文件使用阅读器自带的 {font} 字体，"
        "在其他电脑上显示或打印的效果可能不同。",
        "en": "Note: no embeddable Chinese font was found on this computer; this file uses "
        "the viewer's own {font} font and may look different on other computers.",
    },
    # --- summary figures
    "sec_summary": {"zh_CN": "一、本班概况", "en": "1. Summary"},
    "sum_new_cases": {"zh_CN": "本班新接报案件", "en": "New cases this shift"},
    "sum_new_urgent": {"zh_CN": "其中紧急、高", "en": "of which urgent or high"},
    "sum_open": {"zh_CN": "移交在办案件", "en": "Open cases carried over"},
    "sum_overdue": {"zh_CN": "其中已超期", "en": "of which overdue"},
    "sum_notable": {"zh_CN": "重点警情", "en": "Notable incidents"},
    "sum_mediation_held": {"zh_CN": "本班调解场次", "en": "Mediation sessions held"},
    "sum_mediation_coming": {"zh_CN": "12 小时内预约调解", "en": "Mediation booked, next 12 h"},
    "sum_patrols_done": {"zh_CN": "巡逻完成 / 未执行", "en": "Patrols completed / missed"},
    "sum_grids_uncovered": {"zh_CN": "未覆盖网格", "en": "Grids not covered"},
    "sum_visits": {"zh_CN": "入户走访", "en": "Household visits"},
    "sum_outreach": {"zh_CN": "防范宣传活动", "en": "Outreach events"},
    "sum_follow_ups": {"zh_CN": "待办回访", "en": "Follow-ups due"},
    "fraction": {"zh_CN": "{part} / {whole}", "en": "{part} / {whole}"},
    # --- charts
    "chart_new_by_category": {
        "zh_CN": "本班新接报案件（按类别）",
        "en": "New cases this shift, by category",
    },
    "chart_open_by_priority": {
        "zh_CN": "移交在办案件（按紧急程度）",
        "en": "Open cases carried over, by priority",
    },
    "legend_within": {"zh_CN": "未超期", "en": "Within deadline"},
    "legend_overdue": {"zh_CN": "已超期", "en": "Overdue"},
    # --- sections
    "sec_new_cases": {"zh_CN": "二、本班新接报案件", "en": "2. New cases this shift"},
    "sec_carried": {
        "zh_CN": "三、移交在办及超期案件（按紧急程度）",
        "en": "3. Open and overdue cases carried over, by priority",
    },
    "carried_note": {
        "zh_CN": "超期案件全部列出；未超期案件每个等级按办结期限先后列出前 {limit} 件。",
        "en": "Every overdue case is listed; of the others, the {limit} due soonest "
        "in each priority.",
    },
    "carried_priority": {
        "zh_CN": "{priority}：在办 {open} 件，其中超期 {overdue} 件",
        "en": "{priority}: {open} open, {overdue} of them overdue",
    },
    "sec_notable": {"zh_CN": "四、重点警情", "en": "4. Notable incidents"},
    "sec_mediation": {"zh_CN": "五、矛盾纠纷调解", "en": "5. Mediation"},
    "sub_mediation_held": {"zh_CN": "本班调解场次", "en": "Sessions during this shift"},
    "sub_mediation_coming": {
        "zh_CN": "未来 12 小时内预约的调解",
        "en": "Sessions booked in the next 12 hours",
    },
    "sec_patrols": {"zh_CN": "六、巡逻防控", "en": "6. Patrols"},
    "uncovered_grids": {
        "zh_CN": "本班巡逻未覆盖的网格（{count} 个）：{grids}",
        "en": "Grids no patrol covered this shift ({count}): {grids}",
    },
    "all_grids_covered": {
        "zh_CN": "本班巡逻覆盖了全部 {total} 个网格。",
        "en": "Patrols covered all {total} grids this shift.",
    },
    "list_separator": {"zh_CN": "、", "en": ", "},
    "sec_community": {"zh_CN": "七、入户走访与防范宣传", "en": "7. Household visits and outreach"},
    "sub_visits": {"zh_CN": "入户走访", "en": "Household visits"},
    "sub_outreach": {"zh_CN": "“五防”宣传活动", "en": "“Five Prevention” outreach events"},
    "sec_tasks": {
        "zh_CN": "八、交办事项与待办工作",
        "en": "8. Instructions received and pending tasks",
    },
    "sub_instructions": {"zh_CN": "上级交办事项及交接说明", "en": "Instructions and remarks"},
    "sub_follow_ups": {
        "zh_CN": "待办回访（截至下一班次结束）",
        "en": "Follow-up visits due by the end of the next shift",
    },
    "sec_signatures": {"zh_CN": "九、交接签名", "en": "9. Signatures"},
    "sign_statement": {
        "zh_CN": "以上情况已逐项交接，接班民警已知悉。",
        "en": "The outgoing officer has handed over the above; the incoming officer has read it.",
    },
    "sign_outgoing": {"zh_CN": "交班民警", "en": "Outgoing officer"},
    "sign_incoming": {"zh_CN": "接班民警", "en": "Incoming officer"},
    "sign_name": {"zh_CN": "姓名：", "en": "Name:"},
    "sign_signature": {"zh_CN": "签名：", "en": "Signature:"},
    "sign_time": {"zh_CN": "时间：", "en": "Date and time:"},
    "none": {"zh_CN": "无。", "en": "None."},
    "more_not_listed": {
        "zh_CN": "另有 {count} 条未列出（共 {total} 条）。",
        "en": "{count} more not listed ({total} in all).",
    },
    # --- table columns
    "col_case_no": {"zh_CN": "案件编号", "en": "Case no."},
    "col_reported": {"zh_CN": "接报时间", "en": "Reported"},
    "col_category": {"zh_CN": "类别", "en": "Category"},
    "col_priority": {"zh_CN": "等级", "en": "Priority"},
    "col_status": {"zh_CN": "状态", "en": "Status"},
    "col_grid": {"zh_CN": "网格", "en": "Grid"},
    "col_summary_parties": {"zh_CN": "简要案情 / 当事人", "en": "Summary / parties"},
    "col_summary": {"zh_CN": "简要案情", "en": "Summary"},
    "col_owner": {"zh_CN": "承办", "en": "Owner"},
    "col_due": {"zh_CN": "办结期限", "en": "Due"},
    "col_time": {"zh_CN": "时间", "en": "Time"},
    "col_room": {"zh_CN": "地点", "en": "Room"},
    "col_mediators": {"zh_CN": "调解员", "en": "Mediators"},
    "col_result": {"zh_CN": "状态 / 结果", "en": "Status / outcome"},
    "col_route": {"zh_CN": "巡逻路线", "en": "Route"},
    "col_crew": {"zh_CN": "人员", "en": "Crew"},
    "col_grids": {"zh_CN": "覆盖网格", "en": "Grids"},
    "col_officer": {"zh_CN": "民警", "en": "Officer"},
    "col_household": {"zh_CN": "走访户", "en": "Household"},
    "col_notes": {"zh_CN": "走访情况", "en": "Notes"},
    "col_topic": {"zh_CN": "主题", "en": "Topic"},
    "col_place": {"zh_CN": "地点", "en": "Place"},
    "col_attendees": {"zh_CN": "人数", "en": "People"},
    "col_due_on": {"zh_CN": "应回访日期", "en": "Due on"},
    "col_note": {"zh_CN": "备注", "en": "Note"},
    # --- cell text
    "overdue_mark": {"zh_CN": "已超期", "en": "overdue"},
    "party": {"zh_CN": "{name}（{role}）", "en": "{name} ({role})"},
    "party_id": {"zh_CN": "身份证 {value}", "en": "ID {value}"},
    "party_phone": {"zh_CN": "电话 {value}", "en": "tel. {value}"},
    "referred_to": {"zh_CN": "转{target}", "en": "referred to {target}"},
    "unassigned": {"zh_CN": "未分派", "en": "unassigned"},
    "crew_member": {"zh_CN": "{name}（{kind}）", "en": "{name} ({kind})"},
    # --- mediation agreement (reports/agreement.py)
    "agr_title": {"zh_CN": "人民调解协议书", "en": "Mediation agreement"},
    "agr_title_partial": {
        "zh_CN": "人民调解协议书（部分达成）",
        "en": "Mediation agreement (partial)",
    },
    "agr_pdf_title": {
        "zh_CN": "{station}人民调解协议书 {case_no}",
        "en": "{station} mediation agreement {case_no}",
    },
    "agr_footer": {"zh_CN": "案件编号 {case_no}", "en": "Case no. {case_no}"},
    "agr_case_no": {"zh_CN": "案件编号", "en": "Case number"},
    "agr_category": {"zh_CN": "纠纷类型", "en": "Type of dispute"},
    "agr_held_at": {"zh_CN": "调解时间", "en": "Mediation held"},
    "agr_place": {"zh_CN": "调解地点", "en": "Place"},
    "agr_parties": {"zh_CN": "一、当事人", "en": "1. Parties"},
    "agr_party": {
        "zh_CN": "{role}：{name}　身份证号码：{resident_id}",
        "en": "{role}: {name}, resident ID {resident_id}",
    },
    "agr_party_no_id": {"zh_CN": "{role}：{name}", "en": "{role}: {name}"},
    "agr_mediators": {"zh_CN": "二、调解人员", "en": "2. Mediators"},
    "agr_dispute": {"zh_CN": "三、纠纷简要情况", "en": "3. The dispute"},
    "agr_terms": {
        "zh_CN": "四、经调解，当事人自愿达成如下协议：",
        "en": "4. Through mediation the parties have freely agreed as follows:",
    },
    "agr_partial_note": {
        "zh_CN": "当事人仅就上述事项达成一致，其余争议另行处理。",
        "en": "The parties agreed on the terms above only; the remaining issues are "
        "dealt with separately.",
    },
    "agr_performance": {
        "zh_CN": "五、履行与回访：当事人应当按照约定履行本协议。派出所将于 {dates} 进行回访。",
        "en": "5. Performance and follow-up: the parties shall perform this agreement as "
        "agreed. The station will follow up on {dates}.",
    },
    "agr_performance_plain": {
        "zh_CN": "五、履行：当事人应当按照约定履行本协议。",
        "en": "5. Performance: the parties shall perform this agreement as agreed.",
    },
    "agr_date_sep": {"zh_CN": "、", "en": ", "},
    "agr_effect": {
        "zh_CN": "本协议自各方当事人签名之日起生效，一式 {copies} 份，当事人各执一份，"
        "派出所存档一份。",
        "en": "This agreement takes effect once every party has signed it. It is made in "
        "{copies} copies: one for each party and one for the station's file.",
    },
    "agr_signatures": {"zh_CN": "签名", "en": "Signatures"},
    "agr_col_role": {"zh_CN": "身份", "en": "Capacity"},
    "agr_col_name": {"zh_CN": "姓名", "en": "Name"},
    "agr_col_signature": {"zh_CN": "签名（捺印）", "en": "Signature"},
    "agr_col_date": {"zh_CN": "日期", "en": "Date"},
    "agr_role_mediator": {"zh_CN": "调解员", "en": "Mediator"},
    "agr_date": {"zh_CN": "{year}年{month}月{day}日", "en": "{year}-{month}-{day}"},
    "agr_seal": {"zh_CN": "{station}（盖章）", "en": "{station} (seal)"},
}

# A list, not a dict: members of different StrEnums with the same value (Team and
# ReferralTarget "law_enforcement", CaseCategory and OutreachTopic "theft") compare
# and hash equal, so as dict keys they would silently overwrite each other.
_ENUM_LABELS: list[tuple[Enum, dict[str, str]]] = [
    (CaseCategory.DISPUTE_NEIGHBOUR, {"zh_CN": "邻里纠纷", "en": "Neighbour dispute"}),
    (CaseCategory.DISPUTE_FAMILY, {"zh_CN": "家庭纠纷", "en": "Family dispute"}),
    (CaseCategory.DISPUTE_PROPERTY, {"zh_CN": "房产财物纠纷", "en": "Property dispute"}),
    (CaseCategory.DISPUTE_LABOUR, {"zh_CN": "劳资纠纷", "en": "Labour dispute"}),
    (CaseCategory.DISPUTE_CONSUMER, {"zh_CN": "消费纠纷", "en": "Consumer dispute"}),
    (CaseCategory.DISPUTE_TRAFFIC, {"zh_CN": "交通事故纠纷", "en": "Traffic dispute"}),
    (CaseCategory.ASSISTANCE, {"zh_CN": "群众求助", "en": "Request for assistance"}),
    (CaseCategory.THEFT, {"zh_CN": "盗窃", "en": "Theft"}),
    (CaseCategory.FRAUD, {"zh_CN": "诈骗", "en": "Fraud"}),
    (CaseCategory.DRUGS, {"zh_CN": "涉毒", "en": "Drug abuse"}),
    (CaseCategory.CONFLICT, {"zh_CN": "矛盾冲突", "en": "Conflicts"}),
    (CaseCategory.PUBLIC_SECURITY, {"zh_CN": "治安事件", "en": "Public security"}),
    (CaseStatus.NEW, {"zh_CN": "新接报", "en": "New"}),
    (CaseStatus.ASSIGNED, {"zh_CN": "已分派", "en": "Assigned"}),
    (CaseStatus.IN_PROGRESS, {"zh_CN": "办理中", "en": "In progress"}),
    (CaseStatus.IN_MEDIATION, {"zh_CN": "调解中", "en": "In mediation"}),
    (CaseStatus.ESCALATED, {"zh_CN": "已移交执法队", "en": "Escalated"}),
    (CaseStatus.REFERRED, {"zh_CN": "已转办", "en": "Referred"}),
    (CaseStatus.RESOLVED, {"zh_CN": "已化解", "en": "Resolved"}),
    (CaseStatus.CLOSED, {"zh_CN": "已结案", "en": "Closed"}),
    (Priority.URGENT, {"zh_CN": "紧急", "en": "Urgent"}),
    (Priority.HIGH, {"zh_CN": "高", "en": "High"}),
    (Priority.NORMAL, {"zh_CN": "一般", "en": "Normal"}),
    (Priority.LOW, {"zh_CN": "低", "en": "Low"}),
    (PatrolStatus.PLANNED, {"zh_CN": "计划中", "en": "Planned"}),
    (PatrolStatus.ON_PATROL, {"zh_CN": "巡逻中", "en": "On patrol"}),
    (PatrolStatus.COMPLETED, {"zh_CN": "已完成", "en": "Completed"}),
    (PatrolStatus.MISSED, {"zh_CN": "未执行", "en": "Missed"}),
    (SessionStatus.BOOKED, {"zh_CN": "已预约", "en": "Booked"}),
    (SessionStatus.HELD, {"zh_CN": "已调解", "en": "Held"}),
    (SessionStatus.CANCELLED, {"zh_CN": "已取消", "en": "Cancelled"}),
    (MediationOutcome.AGREEMENT, {"zh_CN": "达成协议", "en": "Agreement"}),
    (MediationOutcome.PARTIAL, {"zh_CN": "部分达成协议", "en": "Partial agreement"}),
    (MediationOutcome.NO_AGREEMENT, {"zh_CN": "未达成协议", "en": "No agreement"}),
    (ReferralTarget.COURT, {"zh_CN": "法院", "en": "court"}),
    (ReferralTarget.LAW_ENFORCEMENT, {"zh_CN": "执法办案队", "en": "law-enforcement team"}),
    (ReferralTarget.OTHER_AGENCY, {"zh_CN": "其他部门", "en": "other agency"}),
    (StaffKind.POLICE, {"zh_CN": "民警", "en": "police officer"}),
    (StaffKind.AUXILIARY, {"zh_CN": "辅警", "en": "auxiliary officer"}),
    (StaffKind.ASSISTANT, {"zh_CN": "警务助理", "en": "police assistant"}),
    (StaffKind.VOLUNTEER, {"zh_CN": "群防群治队员", "en": "volunteer"}),
    (PartyRole.COMPLAINANT, {"zh_CN": "报警人", "en": "complainant"}),
    (PartyRole.RESPONDENT, {"zh_CN": "对方当事人", "en": "respondent"}),
    (PartyRole.VICTIM, {"zh_CN": "受害人", "en": "victim"}),
    (PartyRole.SUSPECT, {"zh_CN": "嫌疑人", "en": "suspect"}),
    (PartyRole.WITNESS, {"zh_CN": "证人", "en": "witness"}),
    (PartyRole.OTHER, {"zh_CN": "其他", "en": "other"}),
    (ShiftKind.DAY, {"zh_CN": "白班", "en": "day shift"}),
    (ShiftKind.NIGHT, {"zh_CN": "夜班", "en": "night shift"}),
    (ShiftKind.CUSTOM, {"zh_CN": "自定时段", "en": "custom period"}),
    (OutreachTopic.THEFT, {"zh_CN": "防盗窃", "en": "Theft prevention"}),
    (OutreachTopic.FRAUD, {"zh_CN": "防诈骗", "en": "Fraud prevention"}),
    (OutreachTopic.DRUGS, {"zh_CN": "禁毒", "en": "Drug prevention"}),
    (OutreachTopic.CONFLICT, {"zh_CN": "防矛盾纠纷", "en": "Conflict prevention"}),
    (OutreachTopic.PUBLIC_SECURITY, {"zh_CN": "治安防范", "en": "Public security"}),
    (Team.COMMAND_ROOM, {"zh_CN": "综合指挥室", "en": "Command room"}),
    (Team.COMMUNITY_POLICING, {"zh_CN": "社区警务队", "en": "Community policing team"}),
    (Team.LAW_ENFORCEMENT, {"zh_CN": "执法办案队", "en": "Law-enforcement team"}),
    (MediatorKind.STATION_MEDIATOR, {"zh_CN": "驻所调解员", "en": "station mediator"}),
    (MediatorKind.RESIDENT_LAWYER, {"zh_CN": "驻所律师", "en": "resident lawyer"}),
    (MediatorKind.COURT_LIAISON, {"zh_CN": "法院联络员", "en": "court liaison"}),
]

# Message id prefix of each labelled enum: ``category.theft``, ``priority.urgent``...
ENUM_PREFIXES: dict[type[Enum], str] = {
    CaseCategory: "category",
    CaseStatus: "status",
    Priority: "priority",
    PatrolStatus: "patrol_status",
    SessionStatus: "session_status",
    MediationOutcome: "outcome",
    ReferralTarget: "referral",
    StaffKind: "staff_kind",
    PartyRole: "party_role",
    ShiftKind: "shift_kind",
    OutreachTopic: "topic",
    Team: "team",
    MediatorKind: "mediator_kind",
}


def _enum_key(value: Enum) -> str:
    return f"{ENUM_PREFIXES[type(value)]}.{value.value}"


CATALOGUE: MappingProxyType[str, dict[str, str]] = MappingProxyType(
    {**_MESSAGES, **{_enum_key(v): t for v, t in _ENUM_LABELS}}
)


def normalise_language(lang: str) -> str:
    """'zh_CN', 'zh-CN', 'zh' -> 'zh_CN'; 'en', 'en_US' -> 'en'; anything else is an error."""
    tag = lang.replace("-", "_")
    if tag.lower().startswith("zh"):
        return "zh_CN"
    if tag.lower().startswith("en"):
        return "en"
    raise ValueError(f"no report catalogue for language {lang!r}; have {', '.join(LANGUAGES)}")


def text(key: str, lang: str, /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in.

    An unknown key is a program error (KeyError), never shown to an officer as an id.
    """
    template = CATALOGUE[key][normalise_language(lang)]
    return template.format(**params) if params else template


def label(value: Enum | None, lang: str) -> str:
    """The printed name of an enum value ('' for None)."""
    if value is None:
        return ""
    return text(_enum_key(value), lang)


def placeholders(template: str) -> frozenset[str]:
    """The ``{names}`` a template uses (for the catalogue's own consistency test)."""
    return frozenset(
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(template)
        if field is not None
    )


__all__ = [
    "CATALOGUE",
    "DEFAULT_LANGUAGE",
    "ENUM_PREFIXES",
    "LANGUAGES",
    "label",
    "normalise_language",
    "placeholders",
    "text",
]
