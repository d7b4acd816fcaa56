<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertNotice</name>
    <message>
        <source>Show alerts</source>
        <translation>查看提醒</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>没有提醒。</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts on every workstation</source>
        <translation>确认所选提醒（所有工作站同步）</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>全部确认</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Beep when a new alert comes in</source>
        <translation>有新提醒时发出提示音</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n)</source>
        <translation>
            <numerusform>提醒（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was due at %2</source>
        <translation>%1 应于 %2 办结</translation>
    </message>
    <message>
        <source>%1: no check-in since the start at %2</source>
        <translation>%1：%2 开始后仍未签到</translation>
    </message>
    <message>
        <source>%1 at %2, %3</source>
        <translation>%1 于 %2，%3</translation>
    </message>
    <message>
        <source>%1: mediation period ended %2</source>
        <translation>%1：调解期限已于 %2 届满</translation>
    </message>
    <message>
        <source>%1: mediation period ends %2</source>
        <translation>%1：调解期限 %2 届满</translation>
    </message>
    <message>
        <source>Double-click to open; select and acknowledge when handled.</source>
        <translation>双击打开；处理后选中并确认。</translation>
    </message>
    <message>
        <source>New alert: %1</source>
        <translation>新提醒：%1</translation>
    </message>
    <message>
        <source>New alerts: %1 (and %2)</source>
        <translation>新提醒：%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>提醒(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AuditExportDialog</name>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>%v of %m entries</source>
        <translation>%v / %m 条</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
        <source>Saved %1 entries to %2.</source>
        <translation>已将 %1 条记录保存到 %2。</translation>
    </message>
    <message>
        <source>Only the station director and the administrator may export it.</source>
        <translation>只有所长和管理员可以导出审计日志。</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Case recorded</source>
        <translation>案件已登记</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态已变更</translation>
    </message>
    <message>
        <source>Owner changed</source>
        <translation>承办人已变更</translation>
    </message>
    <message>
        <source>Case edited</source>
        <translation>案件已修改</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>已添加备注</translation>
    </message>
    <message>
        <source>Note struck through</source>
        <translation>备注已划除</translation>
    </message>
    <message>
        <source>Case list exported</source>
        <translation>案件列表已导出</translation>
    </message>
    <message>
        <source>Full personal data viewed</source>
        <translation>已查看完整个人信息</translation>
    </message>
    <message>
        <source>Audit entries viewed</source>
        <translation>已查看审计记录</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>审计日志已导出</translation>
    </message>
    <message>
        <source>Patrol planned</source>
        <translation>已排巡逻班次</translation>
    </message>
    <message>
        <source>Patrol status changed</source>
        <translation>巡逻状态已变更</translation>
    </message>
    <message>
        <source>Handover report archived</source>
        <translation>交接班报告已存档</translation>
    </message>
    <message>
        <source>Handover acknowledged</source>
        <translation>交接班已确认</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>账户已创建</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>账户已解锁</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Failed sign-ins reset</source>
        <translation>登录失败次数已清零</translation>
    </message>
    <message>
        <source>Demo station generated</source>
        <translation>已生成演示派出所</translation>
    </message>
    <message>
        <source>Station settings changed</source>
        <translation>所内设置已修改</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>案件备注</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Grid staff</source>
        <translation>网格人员</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <source>Mediation session</source>
        <translation>调解会</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Mediator availability</source>
        <translation>调解员可约时间</translation>
    </message>
    <message>
        <source>Mediator absence</source>
        <translation>调解员不在岗</translation>
    </message>
    <message>
        <source>Declared relation</source>
        <translation>申报的关系</translation>
    </message>
    <message>
        <source>Outreach event</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>Patrol route</source>
        <translation>巡逻路线</translation>
    </message>
    <message>
        <source>Patrol member</source>
        <translation>巡逻队员</translation>
    </message>
    <message>
        <source>Patrol shift</source>
        <translation>巡逻班次</translation>
    </message>
    <message>
        <source>Session mediator</source>
        <translation>调解会调解员</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <source>Station setting</source>
        <translation>所内设置</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>agreement terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>description</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>first response due</source>
        <translation>首次响应期限</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>from status</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>household visits</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <source>repeat dispute</source>
        <translation>重复纠纷</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>mediation sessions</source>
        <translation>调解会</translation>
    </message>
    <message>
        <source>mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>missing permission</source>
        <translation>缺少的权限</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>outreach events</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>team</source>
        <translation>队组</translation>
    </message>
    <message>
        <source>parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>patrol shifts</source>
        <translation>巡逻班次</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>referred to</source>
        <translation>移交至</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <source>resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>resolution due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>room</source>
        <translation>调解室</translation>
    </message>
    <message>
        <source>route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>shift end</source>
        <translation>班次结束</translation>
    </message>
    <message>
        <source>shift start</source>
        <translation>班次开始</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>status changes</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>reason for striking</source>
        <translation>划除原因</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>to status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <source>volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>what</source>
        <translation>查看内容</translation>
    </message>
    <message>
        <source>%1 (added)</source>
        <translation>%1（新增）</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1（删除）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Old values</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New values</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>不限用户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>any object</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <source>any ID</source>
        <translation>不限编号</translation>
    </message>
    <message>
        <source>Object ID</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>加载更早记录</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>Recompute every entry's hash: shows the first entry that was changed.</source>
        <translation>重新计算每条记录的哈希值，找出第一条被改动的记录。</translation>
    </message>
    <message>
        <source>Opening the audit trail…</source>
        <translation>正在打开审计日志…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Only the station director and the administrator may read the audit trail.</source>
        <translation>只有所长和系统管理员可以查看审计日志。</translation>
    </message>
    <message>
        <source>The audit trail could not be read: {error}</source>
        <translation>无法读取审计日志：{error}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{n} entries shown, newest first.</source>
        <translation>已显示 {n} 条记录，最新的在前。</translation>
    </message>
    <message>
        <source>Older entries: “Load older entries”.</source>
        <translation>更早的记录请点“加载更早记录”。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{n} entries exported to {file}.</source>
        <translation>已导出 {n} 条记录到 {file}。</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>正在校验日志链…</translation>
    </message>
    <message>
        <source>The chain is intact: {n} entries checked.</source>
        <translation>日志链完整：已校验 {n} 条记录。</translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>注意：{warning}</translation>
    </message>
    <message>
        <source>The chain is BROKEN at entry {id}: {reason}. Report this to the administrator; the entries before it are intact.</source>
        <translation>日志链在编号 {id} 的记录处断裂：{reason}。请报告系统管理员；此前的记录完好。</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book mediation</source>
        <translation>预约调解</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>any language</source>
        <translation>不限语言</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Parties need</source>
        <translation>当事人语言</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Next free</source>
        <translation>最近空闲</translation>
    </message>
    <message>
        <source>Suggested mediators, best first</source>
        <translation>推荐调解员（按匹配度排序）</translation>
    </message>
    <message>
        <source>Next free slots</source>
        <translation>可预约时段</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>调解室</translation>
    </message>
    <message>
        <source>Justification for booking despite the conflict (required, kept in the audit trail)</source>
        <translation>不顾利益冲突仍预约的理由（必填，记入审计日志）</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>The suggestions could not be loaded: %1</source>
        <translation>无法加载推荐：%1</translation>
    </message>
    <message>
        <source>Case %1 · %2 · %3</source>
        <translation>案件 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Booking moves the case from “%1” to “%2”.</source>
        <translation>预约后案件状态由“%1”变为“%2”。</translation>
    </message>
    <message>
        <source>The case stays “%1”.</source>
        <translation>案件状态保持“%1”。</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>利益冲突</translation>
    </message>
    <message>
        <source>You may book anyway with a written justification.</source>
        <translation>您可以填写理由后仍然预约。</translation>
    </message>
    <message>
        <source>Booking is blocked. Only the station director or an administrator may override a conflict of interest.</source>
        <translation>不能预约。只有所长或管理员可以越过利益冲突。</translation>
    </message>
    <message>
        <source>Not known yet whether the booking went through; StationDesk checks when the connection is back.</source>
        <translation>尚不确定预约是否已保存；连接恢复后 StationDesk 会自动核实。</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>正在预约…</translation>
    </message>
    <message>
        <source>Offline: nothing can be booked until the connection is back.</source>
        <translation>离线：连接恢复前无法预约。</translation>
    </message>
    <message>
        <source>Your account may not book mediation sessions.</source>
        <translation>您的账号无权预约调解。</translation>
    </message>
    <message>
        <source>Choose a mediator.</source>
        <translation>请选择调解员。</translation>
    </message>
    <message>
        <source>Conflict of interest: this mediator cannot be booked for this case.</source>
        <translation>利益冲突：此案件不能预约该调解员。</translation>
    </message>
    <message>
        <source>Write why the conflict is overridden.</source>
        <translation>请填写越过利益冲突的理由。</translation>
    </message>
    <message>
        <source>This mediator has no free slot with a free room.</source>
        <translation>该调解员没有可用时段（或没有空闲调解室）。</translation>
    </message>
    <message>
        <source>Choose a room.</source>
        <translation>请选择调解室。</translation>
    </message>
    <message>
        <source>A conflict of interest was found; nothing was booked.</source>
        <translation>发现利益冲突，未预约。</translation>
    </message>
    <message>
        <source>Your account may not do this; nothing was booked.</source>
        <translation>您的账号无权执行此操作，未预约。</translation>
    </message>
    <message>
        <source>Not booked: %1</source>
        <translation>未预约：%1</translation>
    </message>
</context>
<context>
    <name>BookingReasons</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>亲属</translation>
    </message>
    <message>
        <source>neighbour</source>
        <translation>邻居</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>雇主</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>雇员</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>friend</source>
        <translation>朋友</translation>
    </message>
    <message>
        <source>handles this kind of dispute</source>
        <translation>擅长此类纠纷</translation>
    </message>
    <message>
        <source>does not usually handle this kind of dispute</source>
        <translation>通常不调解此类纠纷</translation>
    </message>
    <message>
        <source>speaks %1</source>
        <translation>会讲%1</translation>
    </message>
    <message>
        <source>does not speak %1</source>
        <translation>不会讲%1</translation>
    </message>
    <message>
        <source>free on the day asked for, from %1</source>
        <translation>所选日期有空，最早 %1</translation>
    </message>
    <message>
        <source>next free %1 (within two days)</source>
        <translation>最近空闲 %1（两天内）</translation>
    </message>
    <message>
        <source>next free only %1</source>
        <translation>最近空闲要到 %1</translation>
    </message>
    <message>
        <source>no free slot with a free room in the next two weeks</source>
        <translation>两周内没有同时空闲的时段和调解室</translation>
    </message>
    <message>
        <source>%1 of %2 sessions booked that day</source>
        <translation>当天已约 %1 场，上限 %2 场</translation>
    </message>
    <message>
        <source>conflict of interest: cannot be booked</source>
        <translation>存在利益冲突，不能预约</translation>
    </message>
    <message>
        <source>same resident ID</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation>姓名和电话相同</translation>
    </message>
    <message>
        <source>The mediator is a party: %1 (%2).</source>
        <translation>调解员本人是当事人：%1（%2）。</translation>
    </message>
    <message>
        <source>by resident ID</source>
        <translation>按身份证号</translation>
    </message>
    <message>
        <source>by name only</source>
        <translation>仅按姓名</translation>
    </message>
    <message>
        <source>Declared relation (%1) to the party %2, matched %3.</source>
        <translation>已申报与当事人%2的关系（%1），%3匹配。</translation>
    </message>
    <message>
        <source>%1 (declared relation: %2) lives at the address of the dispute.</source>
        <translation>%1（已申报关系：%2）住在纠纷发生地址。</translation>
    </message>
    <message>
        <source>The mediator lives at the address of the dispute.</source>
        <translation>调解员住在纠纷发生地址。</translation>
    </message>
    <message>
        <source>Mediated the earlier case %1 of %2 without the other side.</source>
        <translation>曾调解%2的案件 %1，而对方当事人未参与。</translation>
    </message>
    <message>
        <source>The room %1 was booked meanwhile for case %2 (session %3, %4–%5).</source>
        <translation>调解室“%1”刚被案件 %2 预约（场次 %3，%4–%5）。</translation>
    </message>
    <message>
        <source>The mediator %1 was booked meanwhile for case %2 (session %3, %4–%5).</source>
        <translation>调解员%1刚被案件 %2 预约（场次 %3，%4–%5）。</translation>
    </message>
    <message>
        <source>Nothing was booked; choose another slot.</source>
        <translation>本次未预约任何内容，请另选时段。</translation>
    </message>
</context>
<context>
    <name>CaseActionsBox</name>
    <message>
        <source>Status and owner</source>
        <translation>状态与承办</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>转为</translation>
    </message>
    <message>
        <source>— no team —</source>
        <translation>— 不指定队室 —</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队室</translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation>修改案件…</translation>
    </message>
    <message>
        <source>Correct category, priority, grid, address, summary or description</source>
        <translation>更正类别、紧急程度、网格、地址、简要案情或详细情况</translation>
    </message>
    <message>
        <source>Book mediation…</source>
        <translation>预约调解…</translation>
    </message>
    <message>
        <source>Suggest mediators and book a session, room and time</source>
        <translation>推荐调解员，预约场次、调解室和时间</translation>
    </message>
    <message>
        <source>%1 (needs a reason)</source>
        <translation>%1（需填写原因）</translation>
    </message>
    <message>
        <source>(grid officer)</source>
        <translation>（责任民警）</translation>
    </message>
    <message>
        <source>— no officer —</source>
        <translation>— 不指定民警 —</translation>
    </message>
    <message>
        <source>(on leave)</source>
        <translation>（休假）</translation>
    </message>
    <message>
        <source>No further status from here.</source>
        <translation>当前状态不能再变更。</translation>
    </message>
</context>
<context>
    <name>CaseConflictDialog</name>
    <message>
        <source>Changed on another workstation</source>
        <translation>其他工作站已修改</translation>
    </message>
    <message>
        <source>%1 saved this case after you opened it and changed the same fields as you. Nothing has been saved yet. Choose for each field which value to keep; your other changes are saved with it.</source>
        <translation>您打开此案件后，%1 保存了修改，并改动了与您相同的项目。目前尚未保存任何内容。请逐项选择保留哪个值，您的其他修改会一并保存。</translation>
    </message>
    <message>
        <source>Another workstation</source>
        <translation>其他工作站</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>您打开时</translation>
    </message>
    <message>
        <source>Saved by the other workstation</source>
        <translation>其他工作站保存的</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <source>Pointing at a value shows it in full.</source>
        <translation>鼠标指向某个值可查看全文。</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>按我的选择保存</translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation>放弃我的修改</translation>
    </message>
    <message>
        <source>Show the case as it is now; save nothing</source>
        <translation>显示案件当前内容，不保存任何修改</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Select a case in the list to see it here.</source>
        <translation>在列表中选择案件，在此查看详情。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New note… (Ctrl+Enter adds it)</source>
        <translation>新备注…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Updated by another workstation at %1.</source>
        <translation>其他工作站已于 %1 更新。</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>该案件已不存在。</translation>
    </message>
    <message>
        <source>The case could not be loaded: %1</source>
        <translation>案件加载失败：%1</translation>
    </message>
    <message>
        <source>Notes are kept in the timeline below, newest first.</source>
        <translation>备注记在下方的办理经过中，最新的在前。</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached. Changes are blocked until the connection is back; what you typed is kept.</source>
        <translation>离线：无法连接数据库。恢复连接前不能修改，已输入的内容会保留。</translation>
    </message>
    <message>
        <source>Your account may not change cases.</source>
        <translation>您的账号无权修改案件。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Reason for “%1”</source>
        <translation>转为“%1”的原因</translation>
    </message>
    <message>
        <source>Why does this case move from “%1” to “%2”? The reason is kept in its history.</source>
        <translation>为什么将案件从“%1”转为“%2”？原因将记入状态记录。</translation>
    </message>
    <message>
        <source>Mediation session booked.</source>
        <translation>已预约调解。</translation>
    </message>
    <message>
        <source>Offline: the change was not saved. Try again when the connection is back.</source>
        <translation>离线：修改未保存。请在恢复连接后重试。</translation>
    </message>
    <message>
        <source>Saved. Merged with changes from %1: they saved this case after you opened it and changed other fields; both changes are kept.</source>
        <translation>已保存。已与 %1 的修改合并：您打开此案件后，对方保存了其他项目的修改，双方的修改均已保留。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Reloaded: your change was not saved.</source>
        <translation>已重新加载：您的修改未保存。</translation>
    </message>
    <message>
        <source>Offline: the note was not saved. It is kept here; add it when the connection is back.</source>
        <translation>离线：备注未保存，内容保留在此，恢复连接后再添加。</translation>
    </message>
    <message>
        <source>Strike through a note</source>
        <translation>划除备注</translation>
    </message>
    <message>
        <source>Why is this note wrong? It stays readable, struck through, with your reason.</source>
        <translation>这条备注哪里有误？划除后仍可查看，并附上您的原因。</translation>
    </message>
    <message>
        <source>Offline: nothing was changed.</source>
        <translation>离线：未做任何修改。</translation>
    </message>
    <message>
        <source>Note struck through.</source>
        <translation>备注已划除。</translation>
    </message>
</context>
<context>
    <name>CaseEditDialog</name>
    <message>
        <source>Edit case %1</source>
        <translation>修改案件 %1</translation>
    </message>
    <message>
        <source>— no grid —</source>
        <translation>— 不指定网格 —</translation>
    </message>
    <message>
        <source>Notable incident (for the shift handover)</source>
        <translation>重点警情（列入交接班）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>详细情况</translation>
    </message>
    <message>
        <source>A case needs a summary.</source>
        <translation>请填写简要案情。</translation>
    </message>
    <message>
        <source>No grid is called “%1”: choose one from the list.</source>
        <translation>没有名为“%1”的网格：请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>CaseFactsView</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>First response due</source>
        <translation>首次响应期限</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>详细情况</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>%1 — overdue by %2</source>
        <translation>%1 — 已超期 %2</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Repeat report</source>
        <translation>重复报警</translation>
    </message>
    <message>
        <source>Notable incident</source>
        <translation>重点警情</translation>
    </message>
    <message>
        <source>No parties recorded.</source>
        <translation>未登记当事人。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Masked: showing full personal data needs a separate permission.</source>
        <translation>已脱敏：查看完整个人信息需单独授权。</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Search case no., summary, description, address, parties (Ctrl+F)</source>
        <translation>搜索案件编号、简要案情、详细情况、地址、当事人（Ctrl+F）</translation>
    </message>
    <message>
        <source>Quick views:</source>
        <translation>快捷视图：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>All open cases, newest first</source>
        <translation>全部未结案件，最新的在前</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Open cases past their deadline</source>
        <translation>已超过期限的未结案件</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Open cases with no owner yet</source>
        <translation>尚未分派承办人的未结案件</translation>
    </message>
    <message>
        <source>My grid</source>
        <translation>我的网格</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All disputes</source>
        <translation>全部纠纷</translation>
    </message>
    <message>
        <source>Five Prevention areas</source>
        <translation>“五防”类别</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Urgent and high</source>
        <translation>紧急和高</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <source>Cases owned by an officer or a team</source>
        <translation>由某位民警或某个队室承办的案件</translation>
    </message>
    <message>
        <source>Reported on or after this day</source>
        <translation>接报日期不早于此日</translation>
    </message>
    <message>
        <source>Reported on or before this day</source>
        <translation>接报日期不晚于此日</translation>
    </message>
    <message>
        <source>Only open cases past their resolution deadline</source>
        <translation>只显示已超过办结期限的未结案件</translation>
    </message>
    <message>
        <source>Only cases with no officer and no team</source>
        <translation>只显示未分派民警和队室的案件</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复报警</translation>
    </message>
    <message>
        <source>Only repeat reports (an earlier case at the same address or party)</source>
        <translation>只显示重复报警（同一地址或当事人此前有过警情）</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Open cases in the grids you are responsible for: %1</source>
        <translation>您负责的网格中的未结案件：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Your account is not the responsible officer of any grid (or has no staff record), so there is no grid of yours to show.</source>
        <translation>您的账号不是任何网格的责任民警（或没有人员档案），因此没有“我的网格”可显示。</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>已超期 %1</translation>
    </message>
    <message>
        <source>Resolution due %1</source>
        <translation>办结期限 %1</translation>
    </message>
    <message>
        <source>Repeat report: an earlier case at the same address or with the same party</source>
        <translation>重复报警：同一地址或同一当事人此前有过警情</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分派</translation>
    </message>
</context>
<context>
    <name>CaseSaver</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>详细情况</translation>
    </message>
    <message>
        <source>Notable incident</source>
        <translation>重点警情</translation>
    </message>
    <message>
        <source>A case cannot move from “%1” to “%2”.</source>
        <translation>案件不能从“%1”转为“%2”。</translation>
    </message>
    <message>
        <source>Moving the case to “%1” needs a reason: change the status again.</source>
        <translation>转为“%1”须填写原因：请重新变更状态。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Moving a case to “%1” needs a reason.</source>
        <translation>转为“%1”须填写原因。</translation>
    </message>
    <message>
        <source>A case cannot move from “%1” to “%2”. Its status may have changed: reload to see it.</source>
        <translation>案件不能从“%1”转为“%2”。状态可能已变化，请重新加载查看。</translation>
    </message>
    <message>
        <source>Your account may not change cases. Ask the station director or an administrator for this permission. Nothing was saved.</source>
        <translation>您的账号无权修改案件，请向所长或系统管理员申请权限。未保存任何内容。</translation>
    </message>
    <message>
        <source>That officer or grid no longer exists; reload and choose again. Nothing was saved.</source>
        <translation>该民警或网格已不存在，请重新加载后再选。未保存任何内容。</translation>
    </message>
    <message>
        <source>This case no longer exists; it may have been removed elsewhere.</source>
        <translation>该案件已不存在，可能已在别处删除。</translation>
    </message>
    <message>
        <source>Other workstations keep changing this case. Reload, check it and try again.</source>
        <translation>其他工作站正在频繁修改此案件。请重新加载，核对后重试。</translation>
    </message>
    <message>
        <source>Not saved: %1. What you typed is kept; try again.</source>
        <translation>未保存：%1。已输入的内容会保留，请重试。</translation>
    </message>
</context>
<context>
    <name>CaseTimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Related reports</source>
        <translation>关联警情</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Show the audit entries about this case (your reading is recorded)</source>
        <translation>显示与此案件有关的审计记录（您的查看会被记录）</translation>
    </message>
    <message>
        <source>Only the station director and the administrator may read the audit trail.</source>
        <translation>只有所长和系统管理员可以查看审计日志。</translation>
    </message>
    <message>
        <source>The audit entries could not be read: %1</source>
        <translation>无法读取审计记录：%1</translation>
    </message>
    <message>
        <source>Mark this note as wrong; it stays readable</source>
        <translation>标记这条备注有误；划除后仍可查看</translation>
    </message>
    <message>
        <source>Loading the audit entries…</source>
        <translation>正在加载审计记录…</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>暂无内容。</translation>
    </message>
    <message>
        <source>Open this report</source>
        <translation>打开此警情</translation>
    </message>
    <message>
        <source>Recorded as %1</source>
        <translation>登记为“%1”</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Owner: %1 (was: %2)</source>
        <translation>承办人：%1（原为：%2）</translation>
    </message>
    <message>
        <source>Mediation session %1</source>
        <translation>调解 %1</translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>调解员：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Agreed: %1</source>
        <translation>协议内容：%1</translation>
    </message>
    <message>
        <source>Referred to %1</source>
        <translation>移交至%1</translation>
    </message>
    <message>
        <source>Follow-up visit done (due %1)</source>
        <translation>回访已完成（应于 %1）</translation>
    </message>
    <message>
        <source>Follow-up visit due %1 — overdue</source>
        <translation>回访应于 %1 完成 — 已超期</translation>
    </message>
    <message>
        <source>Follow-up visit due %1</source>
        <translation>回访应于 %1 完成</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>民警：%1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Strike through…</source>
        <translation>划除…</translation>
    </message>
    <message>
        <source>Struck through %1. Reason: %2</source>
        <translation>已于 %1 划除。原因：%2</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>同一地址</translation>
    </message>
    <message>
        <source>same party</source>
        <translation>同一当事人</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the list again (F5)</source>
        <translation>重新加载列表（F5）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the cases of this filter as an Excel workbook or a CSV file</source>
        <translation>将当前筛选的案件保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>Deadlines…</source>
        <translation>办理期限…</translation>
    </message>
    <message>
        <source>The station's response and resolution deadlines and the repeat window</source>
        <translation>本所的响应期限、办结期限和重复报警判定天数</translation>
    </message>
    <message>
        <source>Mediation…</source>
        <translation>调解设置…</translation>
    </message>
    <message>
        <source>Follow-up visits after an agreement, the mediation period and its warning</source>
        <translation>协议后的回访、调解期限及其提醒</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Record a new report (Ctrl+N)</source>
        <translation>登记新警情（Ctrl+N）</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>cases-%1</source>
        <translation>案件-%1</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached, so new cases cannot be saved. The button comes back when the connection does.</source>
        <translation>离线：无法连接数据库，不能保存新案件。恢复连接后按钮即可使用。</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>共 1 件</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <source>%1 new case(s) — refresh</source>
        <translation>%1 件新案件 — 刷新</translation>
    </message>
    <message>
        <source>New cases arrived; F5 shows them in order</source>
        <translation>有新案件；按 F5 按顺序显示</translation>
    </message>
    <message>
        <source>The case list could not be loaded: %1. Press F5 to try again.</source>
        <translation>案件列表加载失败：%1。按 F5 重试。</translation>
    </message>
</context>
<context>
    <name>ChainCheckDialog</name>
    <message>
        <source>Check the audit chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>Recomputing the hash of every entry, oldest first…</source>
        <translation>正在从最早的记录起逐条重新计算哈希…</translation>
    </message>
    <message>
        <source>%v of %m entries</source>
        <translation>%v / %m 条</translation>
    </message>
    <message>
        <source>Check cancelled: nothing was checked to the end.</source>
        <translation>校验已取消：未校验到最后。</translation>
    </message>
    <message>
        <source>The chain could not be checked: %1</source>
        <translation>无法校验日志链：%1</translation>
    </message>
</context>
<context>
    <name>ChartSet</name>
    <message>
        <source>New cases per hour, last 24 hours</source>
        <translation>近 24 小时每小时新增案件</translation>
    </message>
    <message>
        <source>Click a bar to list the cases of that hour and category</source>
        <translation>点击柱条查看该小时该类别的案件</translation>
    </message>
    <message>
        <source>Open cases by status</source>
        <translation>未结案件（按状态）</translation>
    </message>
    <message>
        <source>Click a bar to list the open cases with that status</source>
        <translation>点击柱条查看该状态的未结案件</translation>
    </message>
    <message>
        <source>Open cases by grid</source>
        <translation>未结案件（按网格）</translation>
    </message>
    <message>
        <source>Click a grid to list its open cases</source>
        <translation>点击网格查看其未结案件</translation>
    </message>
    <message>
        <source>Overdue cases at the end of each day, last 30 days (last point: now)</source>
        <translation>近 30 天每日末超期案件数（最后一点为当前）</translation>
    </message>
    <message>
        <source>Click to list the cases overdue now</source>
        <translation>点击查看当前超期案件</translation>
    </message>
    <message>
        <source>Patrol coverage by grid today (hours of 24)</source>
        <translation>今日各网格巡逻覆盖时长（24 小时内）</translation>
    </message>
    <message>
        <source>{:.1f} h</source>
        <translation>{:.1f} 小时</translation>
    </message>
    <message>
        <source>Hours of today some patrol covers each grid; click for patrols</source>
        <translation>今天各网格有巡逻覆盖的小时数；点击查看巡逻</translation>
    </message>
    <message>
        <source>Mediators today</source>
        <translation>今日调解员安排</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可预约</translation>
    </message>
    <message>
        <source>Booked session</source>
        <translation>已预约调解</translation>
    </message>
    <message>
        <source>Availability and booked sessions of each mediator today</source>
        <translation>各调解员今日的可预约时段和已预约调解</translation>
    </message>
    <message>
        <source>Mediation agreement rate per week (full agreements of sessions held)</source>
        <translation>每周调解成功率（已举行调解中达成完全协议的比例）</translation>
    </message>
    <message>
        <source>No active mediators</source>
        <translation>没有在岗的调解员</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 次中 %1 次</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>court day</source>
        <translation>出庭日</translation>
    </message>
    <message>
        <source>away</source>
        <translation>不在岗</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Go to</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Case number, grid, person or command…</source>
        <translation>案件编号、网格、人员或命令…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter go · Esc close</source>
        <translation>↑ ↓ 选择 · 回车 转到 · Esc 关闭</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Type a case number (e.g. 12 or 20250314-0012), a grid or a name.</source>
        <translation>输入案件编号（如 12 或 20250314-0012）、网格或姓名。</translation>
    </message>
    <message>
        <source>The search failed; see the log. Commands still work.</source>
        <translation>查找失败，详见日志。命令仍可使用。</translation>
    </message>
    <message>
        <source>Command: {name}</source>
        <translation>命令：{name}</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in the database</source>
        <translation>
            <numerusform>数据库中有 %n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <source>No case, grid or person matches “{text}”.</source>
        <translation>没有与“{text}”匹配的案件、网格或人员。</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <source>officer {name}</source>
        <translation>责任民警 {name}</translation>
    </message>
    <message>
        <source>no responsible officer</source>
        <translation>无责任民警</translation>
    </message>
    <message>
        <source>Grid {name}</source>
        <translation>网格 {name}</translation>
    </message>
    <message>
        <source>Staff {name}</source>
        <translation>人员 {name}</translation>
    </message>
    <message>
        <source>Mediator {name}</source>
        <translation>调解员 {name}</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
</context>
<context>
    <name>CommunityForms</name>
    <message>
        <source>More than %1 days ago: check the date.</source>
        <translation>已超过 %1 天，请核对日期。</translation>
    </message>
    <message>
        <source>Must be from %1 to %2.</source>
        <translation>须在 %1 到 %2 之间。</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>须为整数。</translation>
    </message>
    <message>
        <source>The responsible officer must be an active police officer.</source>
        <translation>责任民警须为在职民警。</translation>
    </message>
    <message>
        <source>Helpers must be active auxiliary officers or police assistants.</source>
        <translation>协管人员须为在职辅警或警务助理。</translation>
    </message>
    <message>
        <source>The responsible officer cannot also be a helper.</source>
        <translation>责任民警不能同时作为协管人员。</translation>
    </message>
</context>
<context>
    <name>CommunityView</name>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Household visits</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
</context>
<context>
    <name>ConfirmDiscardDialog</name>
    <message>
        <source>Discard this report?</source>
        <translation>放弃本次登记？</translation>
    </message>
    <message>
        <source>What you typed will be lost.</source>
        <translation>已输入的内容将丢失。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <source>This computer has no system keyring (common on Linux without a desktop keyring), so StationDesk cannot remember the password: it asks for it each time it starts. The password is never written to a file.</source>
        <translation>本机没有系统密钥环（没有桌面密钥环的 Linux 上常见），StationDesk 无法记住密码，每次启动都会询问。密码从不写入文件。</translation>
    </message>
    <message>
        <source>The system keyring is locked or could not be opened, so the saved password could not be read. Unlock the keyring to have it filled in next time.</source>
        <translation>系统密钥环已锁定或无法打开，读不到已保存的密码。解锁密钥环后，下次会自动填入。</translation>
    </message>
    <message>
        <source>The system keyring could not be used, so the password cannot be remembered this time.</source>
        <translation>无法使用系统密钥环，这次不能记住密码。</translation>
    </message>
    <message>
        <source>No password is saved for this database server yet.</source>
        <translation>尚未保存此数据库服务器的密码。</translation>
    </message>
    <message>
        <source>The database server refused the login: the password is wrong or has changed.</source>
        <translation>数据库服务器拒绝登录：密码错误或已更改。</translation>
    </message>
    <message>
        <source>Database password — {app}</source>
        <translation>数据库密码 — {app}</translation>
    </message>
    <message>
        <source>Password for the database server {where}</source>
        <translation>数据库服务器 {where} 的密码</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>保存到系统密钥环</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Enter the password, or cancel.</source>
        <translation>请输入密码，或点取消。</translation>
    </message>
</context>
<context>
    <name>DeadlineSettingsDialog</name>
    <message>
        <source>Case deadlines</source>
        <translation>案件办理期限</translation>
    </message>
    <message>
        <source>New cases get these deadlines; cases already recorded keep theirs. All workstations of the station use the same settings.</source>
        <translation>新案件按这些期限办理；已登记的案件期限不变。本所所有工作站使用同一设置。</translation>
    </message>
    <message>
        <source>By priority</source>
        <translation>按紧急程度</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>办结</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Resolution by category (instead of by priority)</source>
        <translation>按类别设定办结期限（代替按紧急程度）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Intake shows earlier reports at the same address or with the same party</source>
        <translation>登记时显示同一地址或同一当事人此前的警情</translation>
    </message>
    <message>
        <source>Repeat window</source>
        <translation>重复报警判定天数</translation>
    </message>
    <message>
        <source>Your account may not change the station's settings. Nothing was saved.</source>
        <translation>您的账号无权修改本所设置。未保存任何内容。</translation>
    </message>
    <message>
        <source>The settings could not be read or saved: %1</source>
        <translation>设置无法读取或保存：%1</translation>
    </message>
</context>
<context>
    <name>EndLeaveDialog</name>
    <message>
        <source>End leave</source>
        <translation>结束请假</translation>
    </message>
    <message>
        <source>%1 from %2, until further notice. Last day of leave:</source>
        <translation>%1，自 %2 起，另行通知。请假最后一天：</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Day away</source>
        <translation>不在岗日</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Court day</source>
        <translation>出庭日</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Give the reason for the day away.</source>
        <translation>请填写不在岗的原因。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation>%v / %m 件</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Repeat report</source>
        <translation>重复报警</translation>
    </message>
    <message>
        <source>Parties (ID and phone masked)</source>
        <translation>当事人（身份证号、电话已脱敏）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
        <source>Saved %1 cases to %2.</source>
        <translation>已将 %1 件案件保存到 %2。</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>At most %1 characters (now %2).</source>
        <translation>最多 %1 个字（现有 %2 个）。</translation>
    </message>
    <message>
        <source>A resident ID has 18 characters: 17 digits, then a digit or X.</source>
        <translation>身份证号为 18 位：前 17 位是数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <source>The check character does not match: a digit is probably mistyped. Compare the number with the ID card.</source>
        <translation>校验位不符，可能输错了某位数字。请与身份证核对。</translation>
    </message>
    <message>
        <source>The birth date in this ID is in the future.</source>
        <translation>身份证号中的出生日期晚于今天。</translation>
    </message>
    <message>
        <source>The birth date in this ID is before 1900.</source>
        <translation>身份证号中的出生日期早于 1900 年。</translation>
    </message>
    <message>
        <source>The birth date in this ID is not a real date.</source>
        <translation>身份证号中的出生日期不存在。</translation>
    </message>
    <message>
        <source>Not a mainland mobile (11 digits) or landline number (area code and number).</source>
        <translation>不是有效的大陆手机号（11 位）或固定电话（区号加号码）。</translation>
    </message>
    <message>
        <source>This time is in the future (latest allowed: %1).</source>
        <translation>该时间晚于现在（最晚：%1）。</translation>
    </message>
    <message>
        <source>Must be later than the start (%1).</source>
        <translation>必须晚于开始时间（%1）。</translation>
    </message>
    <message>
        <source>Choose one of the entries in the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>该值无效。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>This database has no user accounts yet. Create the administrator account; the administrator then adds the station's staff.</source>
        <translation>此数据库还没有用户账号。请先创建系统管理员账号，再由管理员添加本所人员。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>User name: enter a name.</source>
        <translation>用户名：请输入用户名。</translation>
    </message>
    <message>
        <source>User name: no spaces, please.</source>
        <translation>用户名：不能含空格。</translation>
    </message>
    <message>
        <source>Password again: the two passwords differ.</source>
        <translation>确认密码：两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The account was not created: {error}</source>
        <translation>账号未创建：{error}</translation>
    </message>
    <message>
        <source>Password: at least {n} characters, please.</source>
        <translation>密码：至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>Password: must not contain the user name.</source>
        <translation>密码：不能包含用户名。</translation>
    </message>
    <message>
        <source>Password: not accepted.</source>
        <translation>密码：不符合要求。</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>记录回访结果…</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日回访</translation>
    </message>
    <message numerus="yes">
        <source>My follow-up visits: %n pending</source>
        <translation>
            <numerusform>我的回访：%n 项待办</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All follow-up visits: %n pending</source>
        <translation>
            <numerusform>全部回访：%n 项待办</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n overdue</source>
        <translation>
            <numerusform>，%n 项已逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a follow-up visit in the list first.</source>
        <translation>请先在列表中选择一项回访。</translation>
    </message>
    <message>
        <source>Not known yet whether the last result was saved; StationDesk checks when the connection is back.</source>
        <translation>尚不确定上次的回访结果是否已保存；连接恢复后 StationDesk 会自动核实。</translation>
    </message>
    <message>
        <source>Still saving the last result.</source>
        <translation>上次的回访结果仍在保存中。</translation>
    </message>
    <message>
        <source>Another workstation recorded this visit meanwhile.</source>
        <translation>其他工作站已记录了这次回访。</translation>
    </message>
    <message>
        <source>Your role may not record follow-up visits.</source>
        <translation>您的角色无权记录回访。</translation>
    </message>
    <message>
        <source>This visit already has a result, or the result is empty.</source>
        <translation>这次回访已有结果，或结果为空。</translation>
    </message>
    <message>
        <source>The result could not be saved: %1</source>
        <translation>回访结果未能保存：%1</translation>
    </message>
    <message>
        <source>Result of the visit to %1 saved.</source>
        <translation>案件 %1 的回访结果已保存。</translation>
    </message>
</context>
<context>
    <name>GenerationDialog</name>
    <message>
        <source>Generate shifts from a rotation</source>
        <translation>按轮换模板生成班次</translation>
    </message>
    <message>
        <source>Rotation template</source>
        <translation>轮换模板</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>巡逻线</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Rule check</source>
        <translation>规则检查</translation>
    </message>
    <message>
        <source>Save all shifts</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <source>%1 (%2 weeks, %3 lines)</source>
        <translation>%1（%2 周，%3 条）</translation>
    </message>
    <message>
        <source>No rotation templates yet.</source>
        <translation>尚无轮换模板。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>正在检查规则…</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) to create</source>
        <translation>
            <numerusform>将生成 %n 个班次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n double booking(s): cannot be saved</source>
        <translation>
            <numerusform>%n 处重复排班：无法保存</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule warning(s)</source>
        <translation>
            <numerusform>%n 条规则提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: %1 is already on patrol %2 (booked meanwhile?).</source>
        <translation>未保存任何内容：%1 已排在巡逻 %2（可能刚被其他工作站排班）。</translation>
    </message>
    <message>
        <source>Your role may not change patrols. Nothing was saved.</source>
        <translation>您的角色无权修改巡逻。未保存任何内容。</translation>
    </message>
    <message>
        <source>The shifts could not be generated: %1</source>
        <translation>无法生成班次：%1</translation>
    </message>
</context>
<context>
    <name>GridsTab</name>
    <message>
        <source>Change officer and helpers…</source>
        <translation>调整责任民警和协管…</translation>
    </message>
    <message>
        <source>Officer's leave…</source>
        <translation>民警请假…</translation>
    </message>
    <message>
        <source>Leave periods of the selected grid's officer</source>
        <translation>所选网格责任民警的请假记录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>Auxiliary officers and assistants</source>
        <translation>辅警和警务助理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>⚠ No responsible officer</source>
        <translation>⚠ 无责任民警</translation>
    </message>
    <message>
        <source>⚠ Officer has left the station</source>
        <translation>⚠ 责任民警已调离</translation>
    </message>
    <message>
        <source>⚠ Officer on leave today</source>
        <translation>⚠ 责任民警今日休假</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Also responsible for: %1</source>
        <translation>同时负责：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n grid(s)</source>
        <translation>
            <numerusform>%n 个网格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) an officer</source>
        <translation>
            <numerusform>%n 个需要安排民警</numerusform>
        </translation>
    </message>
    <message>
        <source>Only an administrator may change who looks after a grid.</source>
        <translation>只有管理员可以调整网格责任人。</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>离线：无法连接数据库。</translation>
    </message>
    <message>
        <source>Select a grid first.</source>
        <translation>请先选择一个网格。</translation>
    </message>
    <message>
        <source>The previous change is still being saved or its outcome is not known yet; your choice is kept.</source>
        <translation>上一项修改仍在保存或结果尚未确定；您的选择已保留。</translation>
    </message>
    <message>
        <source>%1: saved.</source>
        <translation>%1：已保存。</translation>
    </message>
    <message>
        <source>%1 was changed on another workstation while you edited it; the list has been reloaded. Check it and make your change again.</source>
        <translation>您编辑期间，%1 已在另一台工作站上被修改；列表已重新加载。请核对后重新修改。</translation>
    </message>
    <message>
        <source>This grid no longer exists; the list has been reloaded.</source>
        <translation>该网格已不存在；列表已重新加载。</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>修改未能保存：%1</translation>
    </message>
</context>
<context>
    <name>HandoverArchive</name>
    <message>
        <source>Handover archive</source>
        <translation>交接班存档</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>交班民警</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>接班民警</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>接班确认</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Archived handovers</source>
        <translation>已存档的交接班</translation>
    </message>
    <message>
        <source>No handover has been archived yet.</source>
        <translation>尚无存档的交接班。</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>重新打印…</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认接班</translation>
    </message>
    <message>
        <source>Reprint the handover</source>
        <translation>重新打印交接班报告</translation>
    </message>
    <message>
        <source>You handed this shift over yourself: the incoming officer acknowledges it.</source>
        <translation>这是您本人交出的班次，应由接班民警确认。</translation>
    </message>
    <message>
        <source>This handover is addressed to another incoming officer.</source>
        <translation>此交接班指定了其他接班民警。</translation>
    </message>
    <message>
        <source>This handover has already been acknowledged.</source>
        <translation>此交接班已确认接班。</translation>
    </message>
    <message>
        <source>Only a signed-in officer can acknowledge a handover.</source>
        <translation>只有已登录的民警才能确认接班。</translation>
    </message>
    <message>
        <source>Pick a handover in the list.</source>
        <translation>请在列表中选择一条交接班记录。</translation>
    </message>
    <message>
        <source>Already acknowledged.</source>
        <translation>已确认接班。</translation>
    </message>
    <message>
        <source>Your role may not acknowledge handovers.</source>
        <translation>您的角色无权确认接班。</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>离线：无法连接数据库。</translation>
    </message>
    <message>
        <source>Handover acknowledged.</source>
        <translation>交接已确认。</translation>
    </message>
    <message>
        <source>Handover acknowledged at %1.</source>
        <translation>已于 %1 确认接班。</translation>
    </message>
    <message>
        <source>Another workstation changed this handover first; the list has been reloaded.</source>
        <translation>其他工作站已先修改此交接班，列表已重新加载。</translation>
    </message>
    <message>
        <source>This handover no longer exists; the list has been reloaded.</source>
        <translation>此交接班已不存在，列表已重新加载。</translation>
    </message>
    <message>
        <source>The database cannot be reached; please try again shortly.</source>
        <translation>无法连接数据库，请稍后重试。</translation>
    </message>
    <message>
        <source>The handover could not be acknowledged: %1</source>
        <translation>接班确认失败：%1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2.</source>
        <translation>%1 已于 %2 确认接班。</translation>
    </message>
    <message>
        <source>Not acknowledged yet.</source>
        <translation>尚未确认接班。</translation>
    </message>
    <message>
        <source>The archived report could not be read: %1</source>
        <translation>无法读取存档的报告：%1</translation>
    </message>
    <message>
        <source>SHA-256 %1 matches the archive record.</source>
        <translation>SHA-256 %1 与存档记录一致。</translation>
    </message>
    <message>
        <source>WARNING: the archived bytes do not match their SHA-256 record: do not rely on this copy.</source>
        <translation>警告：存档内容与其 SHA-256 记录不符，不能以此副本为准。</translation>
    </message>
    <message>
        <source>Archived handover %1 · %2 → %3.</source>
        <translation>已存档的交接班 %1 · %2 → %3。</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Not named: any other officer may acknowledge</source>
        <translation>不指定：其他任何民警均可确认</translation>
    </message>
    <message>
        <source>Full edition (unmasked ID and phone numbers)</source>
        <translation>完整版（身份证号、电话不脱敏）</translation>
    </message>
    <message>
        <source>Generating and printing the full edition is recorded in the audit trail.</source>
        <translation>生成和打印完整版会记入审计日志。</translation>
    </message>
    <message>
        <source>Only roles allowed to see personal data (station director, administrator) may produce the full edition.</source>
        <translation>只有可查看个人信息的角色（所长、系统管理员）才能生成完整版。</translation>
    </message>
    <message>
        <source>Instructions received and tasks the incoming officer must follow up…</source>
        <translation>上级交办事项及需接班民警跟进的工作…</translation>
    </message>
    <message>
        <source>Instructions and pending tasks</source>
        <translation>交办事项与待办工作</translation>
    </message>
    <message>
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>报告语言：</translation>
    </message>
    <message>
        <source>Incoming officer:</source>
        <translation>接班民警：</translation>
    </message>
    <message>
        <source>Instructions and pending tasks:</source>
        <translation>交办事项与待办工作：</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Archive and hand over</source>
        <translation>存档并交班</translation>
    </message>
    <message>
        <source>Hand over the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Generate the handover, or pick one from the archive, to see it here.</source>
        <translation>生成交接班报告，或从存档中选择一份，即可在此查看。</translation>
    </message>
    <message>
        <source>Collecting the shift's figures…</source>
        <translation>正在统计本班数据…</translation>
    </message>
    <message>
        <source>Save the handover report</source>
        <translation>保存交接班报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <source>Print the handover report</source>
        <translation>打印交接班报告</translation>
    </message>
    <message>
        <source>The report changed; print it again.</source>
        <translation>报告已更新，请重新打印。</translation>
    </message>
    <message>
        <source>The form was changed after the report was generated: generate it again so that the archived report says what the form says.</source>
        <translation>报告生成后表单有改动：请重新生成，使存档的报告与表单一致。</translation>
    </message>
    <message>
        <source>Generate the report first.</source>
        <translation>请先生成报告。</translation>
    </message>
    <message>
        <source>This report has been archived.</source>
        <translation>此报告已存档。</translation>
    </message>
    <message>
        <source>Your role may not archive handovers.</source>
        <translation>您的角色无权存档交接班。</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>离线：无法连接数据库。</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Your role may not see personal data: generate the masked edition.</source>
        <translation>您的角色无权查看个人信息：请生成标准版（已脱敏）。</translation>
    </message>
    <message>
        <source>This period cannot be reported: %1</source>
        <translation>该时段无法生成报告：%1</translation>
    </message>
    <message>
        <source>The database cannot be reached; please try again shortly.</source>
        <translation>无法连接数据库，请稍后重试。</translation>
    </message>
    <message>
        <source>The report could not be generated: %1</source>
        <translation>报告生成失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Report ready: %n page(s). Check it, then save, print or archive it.</source>
        <translation>
            <numerusform>报告已生成，共 %n 页。请核对后保存、打印或存档。</numerusform>
        </translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>报告排版失败：%1</translation>
    </message>
    <message>
        <source>full edition</source>
        <translation>完整版</translation>
    </message>
    <message>
        <source>masked edition</source>
        <translation>标准版</translation>
    </message>
    <message>
        <source>Generated, not archived yet: %1 · %2 · %3</source>
        <translation>已生成，尚未存档：%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The report cannot be shown: %1</source>
        <translation>无法显示报告：%1</translation>
    </message>
    <message numerus="yes">
        <source>(%n page(s))</source>
        <translation>
            <numerusform>（共 %n 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>The output could not be recorded in the audit trail, so it was not done.</source>
        <translation>无法记入审计日志，因此未执行此操作。</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>报告无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Wait until the report in progress is done.</source>
        <translation>请等当前报告生成完毕。</translation>
    </message>
    <message>
        <source>Printing page %v of %m</source>
        <translation>正在打印第 %v 页，共 %m 页</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message numerus="yes">
        <source>Printed: %n page(s).</source>
        <translation>
            <numerusform>已打印 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>the incoming officer</source>
        <translation>接班民警</translation>
    </message>
    <message>
        <source>Handed over to %1 and archived (SHA-256 %2…).</source>
        <translation>已交班给%1并存档（SHA-256 %2…）。</translation>
    </message>
    <message>
        <source>Nothing was archived; your instructions are kept.</source>
        <translation>未存档；您填写的交办事项已保留。</translation>
    </message>
    <message>
        <source>Your role may not archive handovers: ask a duty officer or the station director to do it.</source>
        <translation>您的角色无权存档交接班：请值班民警或所长操作。</translation>
    </message>
    <message>
        <source>You cannot hand over to yourself: pick the incoming officer.</source>
        <translation>不能交班给自己：请选择接班民警。</translation>
    </message>
    <message>
        <source>The handover could not be archived: %1</source>
        <translation>交接班存档失败：%1</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Type part of the name</source>
        <translation>输入网格名称查找</translation>
    </message>
    <message>
        <source>Street, building, unit</source>
        <translation>街道、楼栋、单元</translation>
    </message>
    <message>
        <source>What happened, in one line (required)</source>
        <translation>一句话说明发生了什么（必填）</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>详细情况（选填）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>详细情况</translation>
    </message>
    <message>
        <source>Notable incident (for the shift handover)</source>
        <translation>重点警情（列入交接班）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Ctrl+Enter or Ctrl+S</source>
        <translation>Ctrl+Enter 或 Ctrl+S</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Looking for earlier reports…</source>
        <translation>正在查找以往报警…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Waiting for the connection to learn whether it was saved…</source>
        <translation>正在等待连接恢复，以确认是否已保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Confirm and save</source>
        <translation>确认并保存</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached. What you typed is kept; save when the connection is back.</source>
        <translation>离线：无法连接数据库。已输入的内容会保留，恢复连接后再保存。</translation>
    </message>
    <message>
        <source>Offline: the case was not saved. What you typed is kept.</source>
        <translation>离线：案件未保存，已输入的内容会保留。</translation>
    </message>
    <message>
        <source>Saved: the case went through (the connection was lost as it was confirmed). It appears in the case list; close this form.</source>
        <translation>已保存：案件已录入（确认时连接中断）。它会出现在案件列表中；请关闭此表单。</translation>
    </message>
    <message>
        <source>Your account may not record cases. Nothing was saved.</source>
        <translation>您的账号无权登记案件。未保存任何内容。</translation>
    </message>
    <message>
        <source>The case was not saved: %1. What you typed is kept; try again.</source>
        <translation>案件未保存：%1。已输入的内容会保留，请重试。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Auxiliary officer</source>
        <translation>辅警</translation>
    </message>
    <message>
        <source>Police assistant</source>
        <translation>警务助理</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>平安志愿者</translation>
    </message>
    <message>
        <source>Annual leave</source>
        <translation>年休假</translation>
    </message>
    <message>
        <source>Sick leave</source>
        <translation>病假</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Other leave</source>
        <translation>其他假</translation>
    </message>
    <message>
        <source>Command room</source>
        <translation>综合指挥室</translation>
    </message>
    <message>
        <source>Community policing team</source>
        <translation>社区警务队</translation>
    </message>
    <message>
        <source>Law-enforcement team</source>
        <translation>执法办案队</translation>
    </message>
    <message>
        <source>Station mediator</source>
        <translation>人民调解员</translation>
    </message>
    <message>
        <source>Resident lawyer</source>
        <translation>驻所律师</translation>
    </message>
    <message>
        <source>Court liaison</source>
        <translation>法院联络员</translation>
    </message>
    <message>
        <source>Neighbour dispute</source>
        <translation>邻里纠纷</translation>
    </message>
    <message>
        <source>Family dispute</source>
        <translation>家庭纠纷</translation>
    </message>
    <message>
        <source>Property dispute</source>
        <translation>房产财物纠纷</translation>
    </message>
    <message>
        <source>Labour dispute</source>
        <translation>劳资纠纷</translation>
    </message>
    <message>
        <source>Consumer dispute</source>
        <translation>消费纠纷</translation>
    </message>
    <message>
        <source>Traffic dispute</source>
        <translation>交通事故纠纷</translation>
    </message>
    <message>
        <source>Request for assistance</source>
        <translation>群众求助</translation>
    </message>
    <message>
        <source>Theft</source>
        <translation>盗窃</translation>
    </message>
    <message>
        <source>Fraud</source>
        <translation>诈骗</translation>
    </message>
    <message>
        <source>Drug abuse</source>
        <translation>涉毒</translation>
    </message>
    <message>
        <source>Conflicts and disputes</source>
        <translation>矛盾冲突</translation>
    </message>
    <message>
        <source>Public-security incident</source>
        <translation>治安事件</translation>
    </message>
    <message>
        <source>110 dispatch</source>
        <translation>110 警情</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来所报警</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话报警</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>巡逻发现</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>走访发现</translation>
    </message>
    <message>
        <source>Grid-worker referral</source>
        <translation>网格员移交</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新接报</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>In mediation</source>
        <translation>调解中</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级移交</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已化解</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>报警人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>对方当事人</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>受害人</translation>
    </message>
    <message>
        <source>Suspect</source>
        <translation>嫌疑人</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>证人</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已调解</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Partial agreement</source>
        <translation>部分达成协议</translation>
    </message>
    <message>
        <source>No agreement</source>
        <translation>未达成协议</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Other agency</source>
        <translation>其他部门</translation>
    </message>
    <message>
        <source>Day shift</source>
        <translation>白班</translation>
    </message>
    <message>
        <source>Night shift</source>
        <translation>夜班</translation>
    </message>
    <message>
        <source>Custom shift</source>
        <translation>自定时段</translation>
    </message>
    <message>
        <source>Case overdue</source>
        <translation>案件超期</translation>
    </message>
    <message>
        <source>Patrol check-in missed</source>
        <translation>巡逻未按时签到</translation>
    </message>
    <message>
        <source>Mediation starts soon</source>
        <translation>调解即将开始</translation>
    </message>
    <message>
        <source>Urgent case unassigned</source>
        <translation>紧急案件未分派</translation>
    </message>
    <message>
        <source>Mediation period ending</source>
        <translation>调解期限提醒</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>On patrol</source>
        <translation>巡逻中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未执行</translation>
    </message>
    <message>
        <source>Theft prevention</source>
        <translation>防盗窃</translation>
    </message>
    <message>
        <source>Fraud prevention</source>
        <translation>防诈骗</translation>
    </message>
    <message>
        <source>Drug prevention</source>
        <translation>禁毒</translation>
    </message>
    <message>
        <source>Conflict prevention</source>
        <translation>防矛盾纠纷</translation>
    </message>
    <message>
        <source>Public security</source>
        <translation>治安防范</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>值班民警</translation>
    </message>
    <message>
        <source>Community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <source>Law-enforcement officer</source>
        <translation>办案民警</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Station director</source>
        <translation>所长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>No leave recorded.</source>
        <translation>暂无请假记录。</translation>
    </message>
    <message>
        <source>Cancel this leave</source>
        <translation>撤销此请假</translation>
    </message>
    <message>
        <source>End leave…</source>
        <translation>结束请假…</translation>
    </message>
    <message>
        <source>Until further notice</source>
        <translation>另行通知前</translation>
    </message>
    <message>
        <source>e.g. family visit, hospital, city training</source>
        <translation>如：探亲、就医、市局培训</translation>
    </message>
    <message>
        <source>Add leave</source>
        <translation>登记请假</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>首日</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>末日</translation>
    </message>
    <message>
        <source>New leave period</source>
        <translation>新增请假</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>另行通知前</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1（今日）</translation>
    </message>
    <message>
        <source>Your role may not record leave.</source>
        <translation>您的角色无权登记请假。</translation>
    </message>
    <message>
        <source>Give leave recorded until further notice its last day.</source>
        <translation>为登记为“另行通知”的请假指定最后一天。</translation>
    </message>
    <message>
        <source>Leave recorded for %1.</source>
        <translation>已为%1登记请假。</translation>
    </message>
    <message>
        <source>Leave from %1 ends on %2.</source>
        <translation>自 %1 起的请假于 %2 结束。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Cancel leave</source>
        <translation>取消请假</translation>
    </message>
    <message>
        <source>Cancel the leave %1, %2 to %3? It is removed from the roster checks.</source>
        <translation>取消这次请假（%1，%2 至 %3）吗？排班检查将不再考虑它。</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Leave from %1 cancelled.</source>
        <translation>%1起的请假已撤销。</translation>
    </message>
    <message>
        <source>Not saved: check the marked fields.</source>
        <translation>未保存：请检查标出的字段。</translation>
    </message>
    <message>
        <source>Your role may not record leave. Nothing was saved.</source>
        <translation>您的角色无权登记请假，未保存任何内容。</translation>
    </message>
    <message>
        <source>This leave was changed on another workstation; the list is reloaded.</source>
        <translation>此请假已在其他工作站被修改，列表已重新加载。</translation>
    </message>
    <message>
        <source>The leave could not be saved: %1</source>
        <translation>请假无法保存：%1</translation>
    </message>
    <message>
        <source>Overlaps leave already recorded: %1, %2 to %3.</source>
        <translation>与已登记的请假重叠：%1，%2至%3。</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>末日早于首日。</translation>
    </message>
    <message>
        <source>This person is no longer on the station's staff.</source>
        <translation>此人已不在本所在岗人员中。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked — {app}</source>
        <translation>已锁定 — {app}</translation>
    </message>
    <message>
        <source>StationDesk is locked</source>
        <translation>StationDesk 已锁定</translation>
    </message>
    <message>
        <source>Locked after a time without activity. {name} ({user}) is signed in: enter the password to go on. Open work is kept as it was.</source>
        <translation>长时间无操作，已自动锁定。当前登录：{name}（{user}），输入密码即可继续。未完成的工作原样保留。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>以其他用户登录</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Cannot reach the database to check the password: {error}</source>
        <translation>无法连接数据库验证密码：{error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>巡逻</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区工作</translation>
    </message>
    <message>
        <source>StationDesk — {place}</source>
        <translation>StationDesk — {place}</translation>
    </message>
    <message>
        <source>Database unreachable — edits are blocked; reconnecting…</source>
        <translation>数据库无法连接 — 暂停编辑，正在重连…</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>功能导航</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Database settings…</source>
        <translation>数据库设置(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lock / Sign out</source>
        <translation>锁定/退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Dark theme (night shift)</source>
        <translation>深色主题（夜班）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About StationDesk</source>
        <translation>关于 StationDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Loading from the database…</source>
        <translation>正在从数据库加载…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Signed in as {user}</source>
        <translation>当前登录：{user}</translation>
    </message>
    <message>
        <source>This view could not be opened. Details are in the log.</source>
        <translation>无法打开此视图，详情见日志。</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Connected to the database</source>
        <translation>已连接数据库</translation>
    </message>
    <message>
        <source>The database cannot be reached ({reason}); retrying</source>
        <translation>无法连接数据库（{reason}），正在重试</translation>
    </message>
    <message>
        <source>Save confirmed</source>
        <translation>保存已确认</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <source>Another workstation changed this record first; it was reloaded.</source>
        <translation>其他工作站已先修改此记录，已重新加载。</translation>
    </message>
    <message>
        <source>That record no longer exists (deleted on another workstation?).</source>
        <translation>该记录已不存在（可能已在其他工作站删除）。</translation>
    </message>
    <message>
        <source>The database cannot be reached; please try again shortly.</source>
        <translation>无法连接数据库，请稍后重试。</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the log.</source>
        <translation>出现错误，详情见日志。</translation>
    </message>
    <message>
        <source>Switch to the new database now? This window closes and you sign in again.</source>
        <translation>现在切换到新数据库吗？本窗口将关闭，需要重新登录。</translation>
    </message>
    <message>
        <source>About StationDesk</source>
        <translation>关于 StationDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StationDesk {version}&lt;/h3&gt;&lt;p&gt;The command-room client of a community police station.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StationDesk {version}&lt;/h3&gt;&lt;p&gt;社区派出所综合指挥室客户端。&lt;/p&gt;&lt;p&gt;数据库：{database}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MediationFiguresTab</name>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Hours booked</source>
        <translation>已约小时</translation>
    </message>
    <message>
        <source>Hours offered</source>
        <translation>可约小时</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>With outcome</source>
        <translation>有结果场次</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>达成协议</translation>
    </message>
    <message>
        <source>Agreement rate</source>
        <translation>协议达成率</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Utilisation: hours booked over hours offered by the weekly pattern. Agreement rate: agreements over sessions with an outcome.</source>
        <translation>利用率：已约小时 ÷ 每周排班可约小时。协议达成率：达成协议场次 ÷ 有结果场次。</translation>
    </message>
</context>
<context>
    <name>MediationSessions</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Mediation period</source>
        <translation>调解期限</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>登记调解结果…</translation>
    </message>
    <message>
        <source>Print agreement…</source>
        <translation>打印协议书…</translation>
    </message>
    <message>
        <source>No mediation sessions today or in the next 7 days.</source>
        <translation>今天及未来 7 天没有调解安排。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Sessions from %1, the next 7 days included</source>
        <translation>调解安排：%1 起 7 天</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) past the deadline</source>
        <translation>
            <numerusform>%n 件已超期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ending soon</source>
        <translation>
            <numerusform>%n 件即将到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Mediation period: %1 — first: %2, due %3</source>
        <translation>调解期限：%1 — 最早：%2，期限 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) over</source>
        <translation>
            <numerusform>超期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>剩余 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Outcome recorded.</source>
        <translation>调解结果已记录。</translation>
    </message>
    <message>
        <source>Outcome recorded; the case is now: %1</source>
        <translation>调解结果已登记，案件状态：%1</translation>
    </message>
    <message>
        <source>. Follow-up visits on %1.</source>
        <translation>。回访日期：%1。</translation>
    </message>
    <message>
        <source>Save the agreement</source>
        <translation>保存调解协议书</translation>
    </message>
    <message>
        <source>Agreement saved to %1</source>
        <translation>协议书已保存到 %1</translation>
    </message>
</context>
<context>
    <name>MediationSettingsDialog</name>
    <message>
        <source>Mediation settings</source>
        <translation>调解设置</translation>
    </message>
    <message>
        <source>Agreements recorded from now on get follow-up visits on these days; visits already booked keep their dates. The mediation period counts from the case's move into mediation. All workstations of the station use the same settings.</source>
        <translation>此后登记的调解协议按这些天数安排回访；已安排的回访日期不变。调解期限自案件转入调解时起算。本所所有工作站使用同一设置。</translation>
    </message>
    <message>
        <source>e.g. 7, 30</source>
        <translation>例如 7, 30</translation>
    </message>
    <message>
        <source>Days after the agreement, separated by commas (1 to %1 each)</source>
        <translation>达成协议后的天数，用逗号分隔（每项 1 至 %1 天）</translation>
    </message>
    <message>
        <source>Follow-up visits after (days)</source>
        <translation>回访时间（协议后天数）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Mediation period</source>
        <translation>调解期限</translation>
    </message>
    <message>
        <source>How many days before the period ends to warn</source>
        <translation>期限届满前几天开始提醒</translation>
    </message>
    <message>
        <source>Warn before the end</source>
        <translation>届满前提醒</translation>
    </message>
    <message>
        <source>The warning must come before the period ends (fewer than %1 days).</source>
        <translation>提醒须在期限届满之前（少于 %1 天）。</translation>
    </message>
    <message>
        <source>At least one follow-up visit is needed.</source>
        <translation>至少需要安排一次回访。</translation>
    </message>
    <message>
        <source>Whole numbers of days, separated by commas.</source>
        <translation>请填写整数天数，用逗号分隔。</translation>
    </message>
    <message>
        <source>Each from 1 to %1 days.</source>
        <translation>每项须为 1 至 %1 天。</translation>
    </message>
    <message>
        <source>Your account may not change the station's settings. Nothing was saved.</source>
        <translation>您的账号无权修改本所设置，未保存任何内容。</translation>
    </message>
    <message>
        <source>Another workstation changed these settings just now: follow-up visits after %1 days, period %2 days, warning %3 days. Nothing was saved; Save again to replace them with yours.</source>
        <translation>另一工作站刚刚修改了这些设置：协议后 %1 天回访，调解期限 %2 天，届满前 %3 天提醒。未保存任何内容；再次点击“保存”将以您的设置覆盖。</translation>
    </message>
    <message>
        <source>The settings could not be read or saved: %1</source>
        <translation>无法读取或保存设置：%1</translation>
    </message>
</context>
<context>
    <name>MediationView</name>
    <message>
        <source>Mediators now</source>
        <translation>调解员当前状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Next free</source>
        <translation>下次空闲</translation>
    </message>
    <message>
        <source>Sessions today</source>
        <translation>今日场次</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>擅长</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached; the board may be out of date.</source>
        <translation>离线：无法连接数据库，看板可能不是最新。</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>排班日历</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Away (leave)</source>
        <translation>不在岗（休假）</translation>
    </message>
    <message>
        <source>Away (court day)</source>
        <translation>不在岗（出庭）</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>In a mediation session until %1</source>
        <translation>调解中，至 %1</translation>
    </message>
    <message>
        <source>Busy until %1</source>
        <translation>忙碌至 %1</translation>
    </message>
    <message>
        <source>Busy for the rest of today</source>
        <translation>今天已排满</translation>
    </message>
    <message>
        <source>Outside their working hours</source>
        <translation>不在工作时间</translation>
    </message>
    <message>
        <source>Off duty until %1</source>
        <translation>休息，%1 上岗</translation>
    </message>
    <message>
        <source>Off duty today</source>
        <translation>今日不在岗</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>none in the next 7 days</source>
        <translation>未来 7 天无空闲</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Fully booked today</source>
        <translation>今日已约满</translation>
    </message>
    <message numerus="yes">
        <source>Mediators now (%1) — %n free</source>
        <translation>
            <numerusform>调解员当前状态（%1）— %n 人空闲</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediatorCalendar</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Mark the selected half hours as working time, every week</source>
        <translation>将选中的半小时设为每周在岗时间</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Remove the selected half hours from the weekly pattern</source>
        <translation>从每周排班中去掉选中的半小时</translation>
    </message>
    <message>
        <source>Green: working hours · amber: booked sessions · grey: day away</source>
        <translation>绿色：在岗时间 · 橙色：已约调解 · 灰色：不在岗日</translation>
    </message>
    <message>
        <source>Add day away…</source>
        <translation>添加不在岗日…</translation>
    </message>
    <message>
        <source>Remove day away</source>
        <translation>删除不在岗日</translation>
    </message>
    <message>
        <source>Days away this week (leave, court days)</source>
        <translation>本周不在岗日（请假、出庭）</translation>
    </message>
    <message>
        <source>Week of %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Session %1, %2–%3</source>
        <translation>调解 %1，%2–%3</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Court day</source>
        <translation>出庭日</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Select half hours in the grid first (drag over them).</source>
        <translation>请先在表格中选择时段（拖动选择）。</translation>
    </message>
    <message>
        <source>Working hours saved.</source>
        <translation>在岗时间已保存。</translation>
    </message>
    <message>
        <source>Day away added.</source>
        <translation>不在岗日已添加。</translation>
    </message>
    <message>
        <source>Pick the day away to remove in the list.</source>
        <translation>请在列表中选择要删除的不在岗日。</translation>
    </message>
    <message>
        <source>Day away removed.</source>
        <translation>不在岗日已删除。</translation>
    </message>
    <message>
        <source>Another workstation changed this mediator's calendar meanwhile; it has been reloaded. Check it and make your change again.</source>
        <translation>其他工作站刚修改了该调解员的日历，已重新载入。请核对后重新修改。</translation>
    </message>
    <message>
        <source>Your role may not change mediators' calendars.</source>
        <translation>您的角色无权修改调解员日历。</translation>
    </message>
    <message>
        <source>This entry was removed by another workstation.</source>
        <translation>该记录已被其他工作站删除。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>修改未能保存：%1</translation>
    </message>
    <message>
        <source>that day is already marked as away</source>
        <translation>该日已标记为不在岗</translation>
    </message>
    <message>
        <source>working windows must not overlap</source>
        <translation>在岗时段不能重叠</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>This session was cancelled; it has no outcome.</source>
        <translation>该场调解已取消，不能登记结果。</translation>
    </message>
    <message>
        <source>This session's outcome has already been recorded.</source>
        <translation>该场调解的结果已登记。</translation>
    </message>
    <message>
        <source>This session has not started yet.</source>
        <translation>该场调解尚未开始。</translation>
    </message>
    <message>
        <source>Write down the terms the parties agreed.</source>
        <translation>请填写当事人达成的协议内容。</translation>
    </message>
    <message>
        <source>Without an agreement the case must be referred: choose where to.</source>
        <translation>未达成协议的案件须转办，请选择转往何处。</translation>
    </message>
    <message>
        <source>A full agreement is not referred; choose no referral.</source>
        <translation>已达成协议的案件不转办，请选择“不转办”。</translation>
    </message>
    <message>
        <source>The case's status does not allow this outcome (is it closed?).</source>
        <translation>案件当前状态不允许登记此结果（是否已结案？）。</translation>
    </message>
    <message>
        <source>This session ended without an agreement; there is nothing to print.</source>
        <translation>该场调解未达成协议，没有可打印的协议书。</translation>
    </message>
    <message>
        <source>The session or its case was changed by another workstation; reload and try again.</source>
        <translation>该场调解或其案件已被其他工作站修改，请刷新后重试。</translation>
    </message>
    <message>
        <source>Your role may not record mediation outcomes.</source>
        <translation>您的角色无权登记调解结果。</translation>
    </message>
    <message>
        <source>This session no longer exists (removed by another workstation?).</source>
        <translation>该场调解已不存在（可能已被其他工作站删除）。</translation>
    </message>
    <message>
        <source>The outcome could not be saved: %1</source>
        <translation>调解结果未能保存：%1</translation>
    </message>
    <message>
        <source>Outcome of the mediation session</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>One term a line, as the parties agreed them</source>
        <translation>每行一条，按当事人约定填写</translation>
    </message>
    <message>
        <source>No referral</source>
        <translation>不转办</translation>
    </message>
    <message>
        <source>Why, for the case's history (optional)</source>
        <translation>原因，记入案件历史（可选）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Terms agreed</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>Refer the case to</source>
        <translation>转办至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The case will be resolved and follow-up visits booked.</source>
        <translation>案件将标记为已化解，并自动安排回访。</translation>
    </message>
    <message>
        <source>The case stays in mediation unless you refer what is left.</source>
        <translation>案件仍在调解中，除非将剩余争议转办。</translation>
    </message>
    <message>
        <source>The case will be referred.</source>
        <translation>案件将转办。</translation>
    </message>
    <message>
        <source>Mediation session %1: %2</source>
        <translation>%1 调解：%2</translation>
    </message>
    <message>
        <source>, referred to %1</source>
        <translation>，转%1</translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Latest events in this period</source>
        <translation>本周期最近的活动</translation>
    </message>
    <message>
        <source>Log an outreach event</source>
        <translation>登记宣传活动</translation>
    </message>
    <message>
        <source>Log event</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>活动时间</translation>
    </message>
    <message>
        <source>Events per topic</source>
        <translation>各主题活动次数</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>（无网格）</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s)</source>
        <translation>
            <numerusform>%n 人参加</numerusform>
        </translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 场活动</numerusform>
        </translation>
    </message>
    <message>
        <source>Outreach event logged.</source>
        <translation>宣传活动已登记。</translation>
    </message>
    <message>
        <source>Your role may not log community work.</source>
        <translation>您的角色无权登记社区工作。</translation>
    </message>
    <message>
        <source>The event could not be saved: %1</source>
        <translation>活动未能保存：%1</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>离线：无法连接数据库。</translation>
    </message>
    <message>
        <source>Not known yet whether the last save went through; StationDesk checks when the connection is back.</source>
        <translation>尚不确定上次保存是否成功；连接恢复后 StationDesk 会自动核实。</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>Theft &amp; fraud</source>
        <translation>盗窃、诈骗</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>涉毒</translation>
    </message>
    <message>
        <source>Conflicts &amp; public security</source>
        <translation>矛盾冲突、治安</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Click to list all open cases</source>
        <translation>点击查看全部未结案件</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Open cases past their resolution deadline; click to list them</source>
        <translation>已超过办结期限的未结案件；点击查看</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Open cases with no officer or team; click to list them</source>
        <translation>尚未分派民警或队室的未结案件；点击查看</translation>
    </message>
    <message>
        <source>Patrols on the street now</source>
        <translation>正在巡逻</translation>
    </message>
    <message>
        <source>Patrol crews checked in and not finished; click for patrols</source>
        <translation>已签到且未结束的巡逻组；点击查看巡逻</translation>
    </message>
    <message>
        <source>Grids without a patrol now</source>
        <translation>当前无巡逻的网格</translation>
    </message>
    <message>
        <source>Grids no current patrol shift covers; click for patrols</source>
        <translation>当前没有巡逻班次覆盖的网格；点击查看巡逻</translation>
    </message>
    <message>
        <source>Mediators free now</source>
        <translation>当前空闲调解员</translation>
    </message>
    <message>
        <source>Mediators, lawyers and court liaisons free at this moment; click for mediation</source>
        <translation>此刻空闲的人民调解员、驻所律师和法院联络员；点击查看调解</translation>
    </message>
    <message>
        <source>Follow-ups due today</source>
        <translation>今日到期回访</translation>
    </message>
    <message>
        <source>Follow-up visits after agreements due today or earlier and not done</source>
        <translation>调解达成协议后今天或之前到期、尚未完成的回访</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached; figures may be out of date.</source>
        <translation>离线：无法连接数据库，数字可能不是最新。</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add party (Alt+P)</source>
        <translation>添加当事人（Alt+P）</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation>手机或固话</translation>
    </message>
    <message>
        <source>Remove this party</source>
        <translation>删除此当事人</translation>
    </message>
</context>
<context>
    <name>PatrolsView</name>
    <message>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>显示日期</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到出巡</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>结束巡逻</translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation>标记未执行</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Grids covered</source>
        <translation>覆盖网格</translation>
    </message>
    <message>
        <source>Day %1–%2</source>
        <translation>白天 %1–%2</translation>
    </message>
    <message>
        <source>Night %1–%2</source>
        <translation>夜间 %1–%2</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>当日</translation>
    </message>
    <message>
        <source>Week board</source>
        <translation>周排班表</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Checked in at %1</source>
        <translation>%1 签到</translation>
    </message>
    <message>
        <source>⏰ %1 – check-in overdue</source>
        <translation>⏰ %1 – 签到超时</translation>
    </message>
    <message>
        <source>The crew has not checked in although the shift began.</source>
        <translation>班次已开始，但巡逻人员尚未签到。</translation>
    </message>
    <message>
        <source>No crew</source>
        <translation>无人员</translation>
    </message>
    <message>
        <source>No patrol shifts on this day.</source>
        <translation>当天没有巡逻班次。</translation>
    </message>
    <message>
        <source>✗ No patrol</source>
        <translation>✗ 无巡逻</translation>
    </message>
    <message>
        <source>A staffed patrol covers this grid for at least an hour</source>
        <translation>有人员的巡逻覆盖本网格至少一小时</translation>
    </message>
    <message>
        <source>No staffed patrol covers this grid in this part of the day</source>
        <translation>该时段没有有人员的巡逻覆盖本网格</translation>
    </message>
    <message>
        <source>Helpers: %1</source>
        <translation>辅助人员：%1</translation>
    </message>
    <message>
        <source>⚠ None</source>
        <translation>⚠ 无</translation>
    </message>
    <message>
        <source>No responsible officer</source>
        <translation>没有责任民警</translation>
    </message>
    <message>
        <source>%1, the responsible officer, is on leave</source>
        <translation>责任民警%1正在休假</translation>
    </message>
    <message>
        <source>⚠ %1 on leave</source>
        <translation>⚠ %1 休假</translation>
    </message>
    <message>
        <source>Grids of the station</source>
        <translation>本所网格</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n 处空档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n grid(s) without an officer on duty</source>
        <translation>
            <numerusform>%n 个网格无民警在岗</numerusform>
        </translation>
    </message>
    <message>
        <source>Grid coverage on %1</source>
        <translation>%1 网格巡逻覆盖</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached, so patrols cannot be changed until the connection is back.</source>
        <translation>离线：无法连接数据库，恢复连接前不能修改巡逻。</translation>
    </message>
    <message>
        <source>Your role may not change patrols.</source>
        <translation>您的角色无权修改巡逻。</translation>
    </message>
    <message>
        <source>Select a patrol shift first.</source>
        <translation>请先选择一个巡逻班次。</translation>
    </message>
    <message>
        <source>Not possible for a shift that is %1.</source>
        <translation>状态为“%1”的班次不能这样操作。</translation>
    </message>
    <message>
        <source>%1 (%2): now %3.</source>
        <translation>%1（%2）：现为%3。</translation>
    </message>
    <message>
        <source>This shift was changed by another workstation; the list has been reloaded. Check the shift and try again.</source>
        <translation>该班次已被其他工作站修改，列表已重新加载。请核对后重试。</translation>
    </message>
    <message>
        <source>This shift was deleted by another workstation; the list has been reloaded.</source>
        <translation>该班次已被其他工作站删除，列表已重新加载。</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>修改未能保存：%1</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Previous period</source>
        <translation>上一周期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一周期</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本周期</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>%1 Q%2</source>
        <translation>%1年第%2季度</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 起的一周</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The file could not be written: %1. Choose another folder and try again.</source>
        <translation>文件无法写入：%1。请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Officer and helpers of %1</source>
        <translation>%1 的责任民警和协管人员</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(on leave)</source>
        <translation>（休假）</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>协管人员</translation>
    </message>
</context>
<context>
    <name>RepeatWarning</name>
    <message>
        <source>Mark as repeat dispute</source>
        <translation>标记为重复纠纷</translation>
    </message>
    <message>
        <source>This address/party had %1 case(s) in the last %2 days (%3 at this address, %4 with these parties). Check them before saving.</source>
        <translation>该地址或当事人近 %2 天有 %1 起警情（同一地址 %3 起，涉及这些当事人 %4 起）。请先核对再保存。</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>同一地址</translation>
    </message>
    <message>
        <source>same party</source>
        <translation>同一当事人</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1，已超期</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Duty shift</source>
        <translation>值班班次</translation>
    </message>
    <message>
        <source>Duty shift:</source>
        <translation>值班班次：</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached; figures may be out of date.</source>
        <translation>离线：无法连接数据库，数字可能不是最新。</translation>
    </message>
    <message>
        <source>New cases</source>
        <translation>新增案件</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>已结案件</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Mediations held</source>
        <translation>已调解场次</translation>
    </message>
    <message>
        <source>Mediations booked, next 24 h</source>
        <translation>未来 24 小时预约调解</translation>
    </message>
    <message>
        <source>Patrols completed</source>
        <translation>已完成巡逻</translation>
    </message>
    <message>
        <source>Patrols missed</source>
        <translation>未执行巡逻</translation>
    </message>
    <message>
        <source>New cases in this shift</source>
        <translation>本班新增案件</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>No new cases in this shift.</source>
        <translation>本班没有新增案件。</translation>
    </message>
    <message>
        <source>Shift summary</source>
        <translation>本班概况</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>running; open and overdue as of %1</source>
        <translation>进行中；未结与超期数截至 %1</translation>
    </message>
    <message>
        <source>ended; open and overdue at its end</source>
        <translation>已结束；未结与超期数为班末数字</translation>
    </message>
    <message>
        <source>New cases by category: %1</source>
        <translation>新增案件按类别：%1</translation>
    </message>
    <message numerus="yes">
        <source>New cases in this shift (%n)</source>
        <translation>
            <numerusform>本班新增案件（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New cases in this shift (first %n)</source>
        <translation>
            <numerusform>本班新增案件（前 %n 条）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Result of the follow-up visit</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>What you found: is the agreement kept? Any new trouble?</source>
        <translation>回访情况：协议是否履行？有无新的矛盾？</translation>
    </message>
</context>
<context>
    <name>RosterRulesDialog</name>
    <message>
        <source>Roster rules</source>
        <translation>排班规则</translation>
    </message>
    <message>
        <source>Every workstation checks patrol rosters against these rules. A saved roster may break them (it shows why); a double booking is never saved.</source>
        <translation>所有工作站都按这些规则检查巡逻排班。已保存的排班可以违反这些规则（会显示原因），但重复排班绝不会被保存。</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Minimum rest between shifts</source>
        <translation>两班之间最少休息</translation>
    </message>
    <message>
        <source>Maximum hours per week</source>
        <translation>每周最多工时</translation>
    </message>
    <message>
        <source>Minimum crew (one a police officer)</source>
        <translation>最少人数（至少一名民警）</translation>
    </message>
    <message>
        <source>Check-in overdue after</source>
        <translation>签到超时时限</translation>
    </message>
    <message>
        <source>Your account may not change the station's settings. Nothing was saved.</source>
        <translation>您的账号无权修改所里的设置。未保存任何内容。</translation>
    </message>
    <message>
        <source>The settings could not be read or saved: %1</source>
        <translation>无法读取或保存设置：%1</translation>
    </message>
</context>
<context>
    <name>SaveRunner</name>
    <message>
        <source>The database cannot be reached. What you typed is kept; StationDesk reconnects by itself and then tells you whether the last save went through.</source>
        <translation>无法连接数据库。您输入的内容已保留；StationDesk 会自动重新连接，并告诉您上一次保存是否成功。</translation>
    </message>
    <message>
        <source>The database is busy with another workstation's change. Try again.</source>
        <translation>数据库正忙于处理另一台工作站的修改，请重试。</translation>
    </message>
    <message>
        <source>Another workstation changed this record after you opened it. Look at their change, then merge or reload.</source>
        <translation>您打开此记录后，另一台工作站修改了它。请查看对方的修改，然后合并或重新加载。</translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Ask the administrator to free space.</source>
        <translation>存放数据库的磁盘已满，请联系管理员释放空间。</translation>
    </message>
    <message>
        <source>The database cannot be written (read-only file, folder or server). Ask the administrator.</source>
        <translation>数据库无法写入（文件、文件夹或服务器为只读），请联系管理员。</translation>
    </message>
    <message>
        <source>The disk that holds the database reported an error. Stop and call the administrator.</source>
        <translation>存放数据库的磁盘报告错误。请停止操作并联系管理员。</translation>
    </message>
    <message>
        <source>The database file is damaged. Stop working on it; the administrator restores the latest backup.</source>
        <translation>数据库文件已损坏。请停止使用，由管理员恢复最近的备份。</translation>
    </message>
    <message>
        <source>The database file is on a network share, where SQLite can lose data. Keep it on a local disk, or use a PostgreSQL server for several workstations.</source>
        <translation>数据库文件位于网络共享上，SQLite 在那里可能丢失数据。请将其放在本地磁盘上，多台工作站请使用 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The database belongs to a different StationDesk version. Ask the administrator to upgrade it (stationdesk init) or to update this workstation.</source>
        <translation>数据库属于另一版本的 StationDesk。请联系管理员升级数据库（stationdesk init）或更新本工作站。</translation>
    </message>
    <message>
        <source>The database server refused this workstation's login. Check the database user and password in the database settings.</source>
        <translation>数据库服务器拒绝了本工作站的登录。请在数据库设置中检查数据库用户和密码。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <source>This record no longer exists; another workstation may have deleted it.</source>
        <translation>此记录已不存在，可能已被另一台工作站删除。</translation>
    </message>
    <message>
        <source>StationDesk hit an internal error. The details are in the log.</source>
        <translation>StationDesk 发生内部错误，详情见日志。</translation>
    </message>
    <message>
        <source>Your save went through.</source>
        <translation>您的保存已成功。</translation>
    </message>
    <message>
        <source>Your save did not go through; nothing was changed.</source>
        <translation>您的保存未成功，没有任何更改。</translation>
    </message>
    <message>
        <source>It is not known yet whether your save went through. StationDesk checks as soon as the database is back; keep what you typed.</source>
        <translation>暂时无法确定您的保存是否成功。数据库恢复后 StationDesk 会立即核实；请保留您输入的内容。</translation>
    </message>
    <message>
        <source>Not known yet whether the last save went through; StationDesk checks when the connection is back.</source>
        <translation>尚不知道上一次保存是否成功；连接恢复后 StationDesk 会进行核实。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Offline: nothing can be saved until the connection is back.</source>
        <translation>离线：连接恢复之前无法保存。</translation>
    </message>
    <message>
        <source>Offline: not saved — your text is kept; save again when the connection is back.</source>
        <translation>离线：未保存——您输入的内容已保留；连接恢复后请再次保存。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Unknown whether it was saved — the connection was lost during the save. Your text is kept; StationDesk checks when the connection returns.</source>
        <translation>尚不确定是否已保存——保存过程中连接中断。您输入的内容已保留；连接恢复后 StationDesk 会核实。</translation>
    </message>
    <message>
        <source>The database could not be reached.</source>
        <translation>无法连接数据库。</translation>
    </message>
    <message>
        <source>Not saved — your text is kept; try again.</source>
        <translation>未保存——您输入的内容已保留，请重试。</translation>
    </message>
    <message>
        <source>The connection is back. Saved: %1</source>
        <translation>连接已恢复。已保存：%1</translation>
    </message>
    <message>
        <source>The connection is back.</source>
        <translation>连接已恢复。</translation>
    </message>
    <message>
        <source>The last save has not been confirmed yet. StationDesk will tell you as soon as the connection returns. Close anyway?</source>
        <translation>上一次保存尚未得到确认。连接恢复后，StationDesk 会立即告诉您结果。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>仍然关闭</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>保持打开</translation>
    </message>
    <message>
        <source>“%1” was closed before its save was confirmed. %2</source>
        <translation>“%1”在保存得到确认之前已关闭。%2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Database settings</source>
        <translation>数据库设置</translation>
    </message>
    <message>
        <source>Embedded database on this computer (SQLite)</source>
        <translation>本机内置数据库（SQLite）</translation>
    </message>
    <message>
        <source>Database server shared by workstations (PostgreSQL)</source>
        <translation>多工作站共用的数据库服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Read the whole database file and report any damage (integrity check)</source>
        <translation>读取整个数据库文件并报告任何损坏（完整性检查）</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Keep the file on a local disk, never on a network share. Leave empty for the default file.</source>
        <translation>文件必须放在本地磁盘，不能放在网络共享上。留空则使用默认文件。</translation>
    </message>
    <message>
        <source>empty: the default root.crt</source>
        <translation>留空：使用默认的 root.crt</translation>
    </message>
    <message>
        <source>The station's CA certificate (ca.crt) that signed the server's certificate; checked with SSL mode verify-ca or verify-full.</source>
        <translation>签发服务器证书的本所 CA 证书（ca.crt）；SSL 模式为 verify-ca 或 verify-full 时用它校验。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL 模式</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>保存到系统密钥环</translation>
    </message>
    <message>
        <source>Kept by the operating system's keyring, never in a StationDesk file.</source>
        <translation>由操作系统的密钥环保存，从不写入 StationDesk 的文件。</translation>
    </message>
    <message>
        <source>The password is never written to the settings file: it is kept only in the system keyring. Without a keyring it is used for this session only.</source>
        <translation>密码从不写入设置文件，只保存在系统密钥环中；没有密钥环时仅在本次使用。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language applies when StationDesk starts again.</source>
        <translation>新语言在 StationDesk 重新启动后生效。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark (night shift)</source>
        <translation>深色（夜班）</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Database file: this is a folder; choose a file name.</source>
        <translation>数据库文件：这是一个文件夹，请选择文件名。</translation>
    </message>
    <message>
        <source>Host: enter the server's name or address.</source>
        <translation>主机：请输入服务器名称或地址。</translation>
    </message>
    <message>
        <source>Database name: enter the database's name.</source>
        <translation>数据库名：请输入数据库名称。</translation>
    </message>
    <message>
        <source>User: enter the database user.</source>
        <translation>用户名：请输入数据库用户名。</translation>
    </message>
    <message>
        <source>Host: no spaces allowed.</source>
        <translation>主机：不能含空格。</translation>
    </message>
    <message>
        <source>CA certificate: no such file on this computer.</source>
        <translation>CA 证书：本机上没有这个文件。</translation>
    </message>
    <message>
        <source>The file does not exist yet; it will be created.</source>
        <translation>文件尚不存在，将自动创建。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>There is no such file yet.</source>
        <translation>该文件尚不存在。</translation>
    </message>
    <message>
        <source>Checking the database file…</source>
        <translation>正在检查数据库文件…</translation>
    </message>
    <message>
        <source>The database file is intact.</source>
        <translation>数据库文件完好。</translation>
    </message>
    <message>
        <source>The database file is damaged: {details}. Do not keep working on it: restore the latest backup or call the administrator.</source>
        <translation>数据库文件已损坏：{details}。请勿继续使用：恢复最近的备份或联系管理员。</translation>
    </message>
    <message>
        <source>Connection works.</source>
        <translation>连接成功。</translation>
    </message>
    <message>
        <source>The password is saved in the system keyring.</source>
        <translation>密码已保存到系统密钥环。</translation>
    </message>
    <message>
        <source>The password cannot be remembered; it is used for this session only.</source>
        <translation>无法记住密码，仅在本次使用。</translation>
    </message>
    <message>
        <source>Cannot connect: {error}</source>
        <translation>无法连接：{error}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — StationDesk</source>
        <translation>登录 — StationDesk</translation>
    </message>
    <message>
        <source>Sign in to StationDesk</source>
        <translation>登录 StationDesk</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Database settings…</source>
        <translation>数据库设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. An administrator can unlock it.</source>
        <translation>密码错误次数过多，账号已锁定，可由系统管理员解锁。</translation>
    </message>
    <message>
        <source>This account is switched off. Ask an administrator.</source>
        <translation>此账号已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Cannot reach the database: {error}</source>
        <translation>无法连接数据库：{error}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>StationDesk was not closed properly last time: checking the database file…</source>
        <translation>上次 StationDesk 未正常关闭：正在检查数据库文件…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>The database file {file} is damaged. Do not keep working on it: restore the latest backup or call the administrator.</source>
        <translation>数据库文件 {file} 已损坏。请勿继续使用：恢复最近的备份，或联系系统管理员。</translation>
    </message>
    <message>
        <source>Cannot connect to the database {db}. Check the network and the server, or choose another database.</source>
        <translation>无法连接数据库 {db}。请检查网络和服务器，或选择其他数据库。</translation>
    </message>
    <message>
        <source>Reading the database password from the system keyring…</source>
        <translation>正在从系统密钥环读取数据库密码…</translation>
    </message>
    <message>
        <source>Saving the password in the system keyring…</source>
        <translation>正在将密码保存到系统密钥环…</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keyring; it is used for this session only.</source>
        <translation>密码未能保存到系统密钥环，仅在本次使用。</translation>
    </message>
    <message>
        <source>Preparing the database…</source>
        <translation>正在准备数据库…</translation>
    </message>
    <message>
        <source>The file {file} has no StationDesk data yet. Create the database in it?</source>
        <translation>文件 {file} 中还没有 StationDesk 数据。要在其中创建数据库吗？</translation>
    </message>
    <message>
        <source>The database in {file} was made by an older StationDesk. Upgrade it now? A backup copy of the file is made first.</source>
        <translation>{file} 中的数据库由旧版 StationDesk 创建。现在升级吗？升级前会先备份该文件。</translation>
    </message>
    <message>
        <source>The database {db} has no StationDesk schema yet or an older one. The administrator upgrades it with `stationdesk init` (all workstations closed).</source>
        <translation>数据库 {db} 尚无 StationDesk 数据结构，或结构版本较旧。请系统管理员关闭所有工作站后运行 `stationdesk init` 升级。</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer StationDesk. Update this workstation before using it.</source>
        <translation>此数据库已由新版 StationDesk 升级。请先更新本工作站再使用。</translation>
    </message>
    <message>
        <source>The database file is on a network share, where SQLite can lose data. Keep the file on a local disk, or use a PostgreSQL server for several workstations.</source>
        <translation>数据库文件位于网络共享上，SQLite 在这里可能丢失数据。请把文件放在本地磁盘；多个工作站请使用 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The database file cannot be written: the file or its folder is read-only. Ask the administrator to make them writable, or choose another file.</source>
        <translation>数据库文件无法写入：文件或其所在文件夹为只读。请系统管理员改为可写，或选择其他文件。</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>数据库无法使用。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Database settings…</source>
        <translation>数据库设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The database has no user accounts yet.</source>
        <translation>数据库中还没有用户账号。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Household visit targets</source>
        <translation>入户走访目标</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Visits per grid (station-wide)</source>
        <translation>每个网格走访户数（全所统一）</translation>
    </message>
    <message>
        <source>station-wide</source>
        <translation>全所统一</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>走访事由</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>目标…</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Progress per grid</source>
        <translation>各网格进度</translation>
    </message>
    <message>
        <source>Progress per officer</source>
        <translation>各民警进度</translation>
    </message>
    <message>
        <source>Visits in this period</source>
        <translation>本周期走访记录</translation>
    </message>
    <message>
        <source>Log a household visit</source>
        <translation>登记入户走访</translation>
    </message>
    <message>
        <source>e.g. the Wang family</source>
        <translation>例如：王家</translation>
    </message>
    <message>
        <source>Fraud prevention advice</source>
        <translation>宣传防范电信诈骗知识</translation>
    </message>
    <message>
        <source>Check on elderly residents living alone</source>
        <translation>了解独居老人生活情况</translation>
    </message>
    <message>
        <source>Verify resident registration</source>
        <translation>核实实有人口信息</translation>
    </message>
    <message>
        <source>Look for brewing disputes</source>
        <translation>排查矛盾纠纷隐患</translation>
    </message>
    <message>
        <source>Hand out safety leaflets</source>
        <translation>发放安全防范宣传资料</translation>
    </message>
    <message>
        <source>Register rented housing</source>
        <translation>登记出租房屋信息</translation>
    </message>
    <message>
        <source>Follow-up after mediation</source>
        <translation>调解后回访</translation>
    </message>
    <message>
        <source>Log visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>Visited at</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Behind: %1 of the period has passed</source>
        <translation>进度落后：本周期已过去 %1</translation>
    </message>
    <message>
        <source>%1 of %2 visits done (target period: %3)</source>
        <translation>已走访 %1 户，目标 %2 户（目标周期：%3）</translation>
    </message>
    <message>
        <source>Visit to %1 logged.</source>
        <translation>已登记对%1的走访。</translation>
    </message>
    <message>
        <source>Your role may not log community work.</source>
        <translation>您的角色无权登记社区工作。</translation>
    </message>
    <message>
        <source>The visit could not be saved: %1</source>
        <translation>走访未能保存：%1</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>离线：无法连接数据库。</translation>
    </message>
    <message>
        <source>Not known yet whether the last save went through; StationDesk checks when the connection is back.</source>
        <translation>尚不确定上次保存是否成功；连接恢复后 StationDesk 会自动核实。</translation>
    </message>
    <message>
        <source>The targets were not saved: %1</source>
        <translation>目标未能保存：%1</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <source>Show phone numbers</source>
        <translation>显示完整电话</translation>
    </message>
    <message>
        <source>Shown in full for this screen only; the reading is recorded in the audit.</source>
        <translation>仅在本界面显示完整号码；查看行为记入审计日志。</translation>
    </message>
    <message>
        <source>Your role may not see personal data in full.</source>
        <translation>您的角色无权查看完整个人信息。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Patrolled</source>
        <translation>参与巡逻人数</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>巡逻次数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Patrols joined</source>
        <translation>参加巡逻</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Last patrol</source>
        <translation>最近巡逻</translation>
    </message>
    <message>
        <source>Patrols of the selected volunteer</source>
        <translation>所选志愿者的巡逻记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>志愿者队伍</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（未分队）</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s)</source>
        <translation>
            <numerusform>%n 名志愿者</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 hours on completed patrols</source>
        <translation>已完成巡逻共 %1 小时</translation>
    </message>
    <message>
        <source>%1 (left)</source>
        <translation>%1（已退出）</translation>
    </message>
</context>
<context>
    <name>WallBoard</name>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Patrols and mediators</source>
        <translation>巡逻与调解员</translation>
    </message>
    <message>
        <source>Mediation results</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>StationDesk wall-board</source>
        <translation>StationDesk 大屏</translation>
    </message>
    <message>
        <source>Esc: leave the wall-board</source>
        <translation>Esc：退出大屏</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Offline: figures may be out of date</source>
        <translation>离线：数字可能不是最新</translation>
    </message>
    <message>
        <source>&amp;Wall-board (full screen)</source>
        <translation>大屏模式（全屏）(&amp;W)</translation>
    </message>
</context>
<context>
    <name>WeekBoard</name>
    <message>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Rows: grids</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>Rows: people</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>Generate from template…</source>
        <translation>按模板生成…</translation>
    </message>
    <message>
        <source>Roster rules…</source>
        <translation>排班规则…</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation>标记未巡</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>查找人员…</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Staff (drag onto the board)</source>
        <translation>人员（拖到排班表上）</translation>
    </message>
    <message>
        <source>Leave…</source>
        <translation>请假…</translation>
    </message>
    <message>
        <source>Leave periods of the selected person</source>
        <translation>所选人员的请假记录</translation>
    </message>
    <message>
        <source>Week board</source>
        <translation>周排班表</translation>
    </message>
    <message>
        <source>Red: double booking or leave · amber: rule warning · orange: check-in overdue · green text: on patrol · Space/Enter: move by keyboard</source>
        <translation>红色：重复排班或请假 · 黄色：规则提醒 · 橙色：签到超时 · 绿色文字：巡逻中 · 空格/回车：用键盘调班</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 起的一周</translation>
    </message>
    <message>
        <source>(on leave)</source>
        <translation>（请假）</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>另行通知前</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) this week</source>
        <translation>
            <numerusform>本周 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems this week</source>
        <translation>本周无问题</translation>
    </message>
    <message>
        <source>The board is still loading.</source>
        <translation>排班表仍在加载。</translation>
    </message>
    <message>
        <source>No shift on route %1 in that slot.</source>
        <translation>该时段没有 %1 的班次。</translation>
    </message>
    <message>
        <source>No shift there that this person is not already on.</source>
        <translation>那里没有此人尚未参加的班次。</translation>
    </message>
    <message>
        <source>That shift is over; its crew cannot change.</source>
        <translation>该班次已结束，人员不能再变动。</translation>
    </message>
    <message>
        <source>%1 assigned to %2.</source>
        <translation>已将 %1 排入 %2。</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>已将 %1 调至 %2。</translation>
    </message>
    <message>
        <source>Select a person's shift in the people view to remove them.</source>
        <translation>请在按人员视图中选中某人的班次再移除。</translation>
    </message>
    <message>
        <source>%1 taken off %2.</source>
        <translation>已将 %1 从 %2 中移除。</translation>
    </message>
    <message>
        <source>Select a person in the staff list or a person's shift first.</source>
        <translation>请先在人员列表中选中一人，或选中某人的班次。</translation>
    </message>
    <message>
        <source>Moving %1: choose a cell with the arrow keys and press Enter; Escape cancels.</source>
        <translation>正在调动 %1：用方向键选择格子后按回车；按 Esc 取消。</translation>
    </message>
    <message>
        <source>%1 (%2): now %3.</source>
        <translation>%1（%2）：现为%3。</translation>
    </message>
    <message>
        <source>Offline: the roster cannot be changed until the connection is back.</source>
        <translation>离线：连接恢复前无法修改排班。</translation>
    </message>
    <message>
        <source>Your role may not change patrols.</source>
        <translation>您的角色无权修改巡逻。</translation>
    </message>
    <message>
        <source>Not known yet whether the previous change was saved; StationDesk checks when the connection is back.</source>
        <translation>尚不确定上一项修改是否已保存；连接恢复后 StationDesk 会自动核实。</translation>
    </message>
    <message>
        <source>Still saving the previous change.</source>
        <translation>仍在保存上一项修改。</translation>
    </message>
    <message>
        <source>Not saved: %1 is already on patrol %2 %3–%4. Nothing was changed.</source>
        <translation>未保存：%1 已排在巡逻 %2 %3–%4。没有任何改动。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>This shift was changed by another workstation; the board has been reloaded.</source>
        <translation>该班次已被其他工作站修改，排班表已重新加载。</translation>
    </message>
    <message>
        <source>This shift was deleted by another workstation; the board has been reloaded.</source>
        <translation>该班次已被其他工作站删除，排班表已重新加载。</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>修改无法保存：%1</translation>
    </message>
    <message>
        <source>this person is already on that shift.</source>
        <translation>此人已在该班次中。</translation>
    </message>
    <message>
        <source>this person is no longer on that shift (changed by another workstation).</source>
        <translation>此人已不在该班次中（已被其他工作站修改）。</translation>
    </message>
    <message>
        <source>that shift is over; its crew cannot change.</source>
        <translation>该班次已结束，人员不能再变动。</translation>
    </message>
    <message>
        <source>Not possible for a shift that is %1.</source>
        <translation>班次状态为“%1”时不能这样操作。</translation>
    </message>
    <message>
        <source>Only an administrator changes the roster rules.</source>
        <translation>只有管理员可以修改排班规则。</translation>
    </message>
    <message>
        <source>New Year's Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Tomb-Sweeping Day</source>
        <translation>清明节</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>another shift (%1)</source>
        <translation>另一班次（%1）</translation>
    </message>
    <message>
        <source>Double booking: %1 is also on %2</source>
        <translation>重复排班：%1 同时在 %2</translation>
    </message>
    <message>
        <source>%1 is on leave</source>
        <translation>%1 正在休假</translation>
    </message>
    <message>
        <source>%1 is on leave (%2: %3)</source>
        <translation>%1 请假中（%2：%3）</translation>
    </message>
    <message>
        <source>%1 is on leave (%2)</source>
        <translation>%1 请假中（%2）</translation>
    </message>
    <message>
        <source>Short rest: %1 has %2 h %3 min after %4 (at least %5 h)</source>
        <translation>休息不足：%1 在 %4 之后只休息 %2 小时 %3 分（至少 %5 小时）</translation>
    </message>
    <message>
        <source>Too many hours: %1 is rostered %2 h this week (at most %3 h)</source>
        <translation>工时过长：%1 本周排班 %2 小时（最多 %3 小时）</translation>
    </message>
    <message>
        <source>Crew too small: %1 of at least %2</source>
        <translation>人数不足：%1 人，至少 %2 人</translation>
    </message>
    <message>
        <source>No police officer in the crew</source>
        <translation>班组中没有民警</translation>
    </message>
    <message>
        <source>day</source>
        <translation>白天</translation>
    </message>
    <message>
        <source>night</source>
        <translation>夜间</translation>
    </message>
    <message>
        <source>Coverage gap: no patrol in %1 on the %2 of %3</source>
        <translation>巡逻空档：%3 %2 %1 无人巡逻</translation>
    </message>
    <message>
        <source>Check-in overdue: %1 should have checked in by %2</source>
        <translation>签到超时：%1 应在 %2 前签到</translation>
    </message>
    <message>
        <source>(no crew)</source>
        <translation>（无人员）</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>夜班</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>白班</translation>
    </message>
    <message>
        <source>(holiday)</source>
        <translation>休</translation>
    </message>
    <message>
        <source>(workday)</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Public holiday: %1</source>
        <translation>法定节假日：%1</translation>
    </message>
    <message>
        <source>Weekend day worked in lieu of a public holiday</source>
        <translation>因法定节假日调休而上班的周末</translation>
    </message>
</context>
</TS>