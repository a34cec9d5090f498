// Labels: Vietnamese first, English second. Keys used by data-i18n in index.html and by the scripts.
const DICT = {
  vi: {
    kicker: 'Bộ phận Một cửa',
    title: 'Tình hình giải quyết thủ tục hành chính',
    citizenLookup: 'Tra cứu hồ sơ',
    periodKind: 'Loại kỳ', kindH: '6 tháng', kindQ: 'Quý', kindY: 'Năm',
    period: 'Kỳ báo cáo', unit: 'Đơn vị', csv: 'Tải bảng CSV (mẫu 06)',
    received: 'Hồ sơ tiếp nhận', onTimeOrEarly: 'Trước hạn, đúng hạn', lateOrOverdue: 'Trễ hạn, quá hạn',
    online: 'Trực tuyến mức độ 3, 4',
    subReceived: 'mới tiếp nhận {new}, từ kỳ trước chuyển qua {carried}',
    subOnTime: 'đạt {rate}',
    subLate: 'đã giải quyết trễ hạn {late}, đang quá hạn {overdue}',
    subOnline: '{rate} hồ sơ mới tiếp nhận · mức độ 3: {l3} · mức độ 4: {l4}',
    summaryTitle: 'Tóm tắt',
    summary: '{period}, {unit} đã tiếp nhận {received} hồ sơ (trong đó {carried} hồ sơ từ kỳ trước chuyển qua); '
      + 'giải quyết trước hạn và đúng hạn {onTime} hồ sơ, đạt tỷ lệ {onTimeRate}; trễ hạn và quá hạn {late} hồ sơ. '
      + 'Hồ sơ trực tuyến mức độ 3, 4: {online} hồ sơ, chiếm {onlineRate} số hồ sơ mới tiếp nhận. '
      + 'Đang giải quyết {pending} hồ sơ, rút {withdrawn} hồ sơ.',
    chartOutcome: 'Kết quả giải quyết', chartChannels: 'Kênh tiếp nhận và mức độ trực tuyến',
    chartTrend: 'Xu hướng các kỳ gần đây',
    outEarly: 'Trước hạn', outOnTime: 'Đúng hạn', outLate: 'Giải quyết trễ hạn', outWithin: 'Đang giải quyết, trong hạn',
    outOverdue: 'Đang giải quyết, quá hạn', outWithdrawn: 'Rút hồ sơ',
    chDirect: 'Trực tiếp và bưu chính', chL3: 'Trực tuyến mức độ 3 (một phần)', chL4: 'Trực tuyến mức độ 4 (toàn trình)',
    chCarried: 'Từ kỳ trước chuyển qua', dossiers: 'Hồ sơ',
    trendReceived: 'Hồ sơ tiếp nhận', trendRate: 'Tỷ lệ trước hạn, đúng hạn', trendNoData: 'không có số liệu',
    form06Title: 'Mẫu số 06/VPCP/KSTT — Tình hình, kết quả giải quyết TTHC', form06Unit: 'Đơn vị tính: hồ sơ',
    by: 'Chia theo', byUnit: 'Đơn vị', byField: 'Lĩnh vực', byProcedure: 'Thủ tục',
    byReceivingUnit: 'Theo nơi tiếp nhận',
    cutoff: 'Cách tính kỳ', cutoffCalendar: 'Theo tháng dương lịch', cutoff15: 'Từ ngày 15 tháng trước',
    indicatorsTitle: 'Chỉ số theo Quyết định 766/QĐ-TTg',
    indOnTime: 'Giải quyết đúng hạn', indOnTimeNote: '(trước hạn + đúng hạn + đang trong hạn) / hồ sơ xử lý trong kỳ',
    indOnline: 'Tiếp nhận trực tuyến', indOnlineNote: 'trực tuyến / hồ sơ mới tiếp nhận',
    indHandling: 'Thời gian giải quyết trung bình', indHandlingNote: '{days} ngày làm việc · {n} hồ sơ đã giải quyết',
    indElectronic: 'Trả kết quả điện tử', indElectronicNote: '{e} / {known} hồ sơ đã giải quyết có ghi cách trả kết quả',
    indByProcedure: 'Thời gian trung bình theo thủ tục (ngày làm việc)', indNone: 'chưa có hồ sơ',
    f06ByField: 'Lĩnh vực', f06ByProcedure: 'Thủ tục', f06ByReceivingUnit: 'Nơi tiếp nhận', f06Sum: 'Tổng cộng',
    f06No: 'STT', f06Unit: 'Đơn vị', f06Received: 'Số hồ sơ nhận giải quyết', f06Resolved: 'Số hồ sơ đã giải quyết',
    f06Pending: 'Số hồ sơ đang giải quyết', f06Withdrawn: 'Rút hồ sơ', f06Total: 'Tổng số',
    f06NewOnline: 'Mới tiếp nhận trực tuyến', f06NewDirect: 'Mới tiếp nhận trực tiếp và qua bưu chính',
    f06Carried: 'Từ kỳ trước chuyển qua', f06Early: 'Trước hạn', f06OnTime: 'Đúng hạn', f06Late: 'Quá hạn',
    f06Within: 'Trong hạn', f06Overdue: 'Quá hạn',
    form06Note: 'Cột (14) do hệ thống bổ sung: (3) = (7) + (11) + (14).',
    alertsTitle: 'Cảnh báo trực tiếp', alertOverdue: 'Quá hạn', alertDueSoon: 'Sắp đến hạn',
    alertsEmpty: 'Chưa có hồ sơ quá hạn hoặc sắp đến hạn.',
    'deadline.overdue': 'Quá hạn', 'deadline.due-soon': 'Sắp đến hạn', 'deadline.appointment-missed': 'Lỡ hẹn trả',
    dueProvisional: '(tạm tính)', dueProvisionalTitle: 'hạn giải quyết tạm tính: chưa có lịch nghỉ chính thức của năm',
    alertDue: 'hạn {due}', statusConnecting: 'Đang kết nối…', statusLive: 'Trực tiếp', statusDown: 'Mất kết nối, đang thử lại…',
    statusOff: 'Không có địa chỉ cảnh báo',
    statusLogin: 'Cần đăng nhập', statusForbidden: 'Không có quyền',
    alertsLogin: 'Đăng nhập để xem cảnh báo', alertsLogout: 'Đăng xuất',
    alertsForbidden: 'Tài khoản đang đăng nhập không được xem cảnh báo của đơn vị này. Hãy chọn đơn vị của mình hoặc đăng nhập bằng tài khoản khác.',
    allUnits: 'Tất cả đơn vị', loading: 'Đang tải…',
    errorReport: 'Không tải được báo cáo', errorNetwork: 'Không kết nối được máy chủ.',
    asOf: 'Số liệu tính đến {time}.', rangeLine: 'Từ ngày {from} đến ngày {to}',
    footer: 'Số liệu theo Thông tư 01/2020/TT-VPCP, mẫu số 06/VPCP/KSTT.',
    H1: '6 tháng đầu năm {y}', H2: '6 tháng cuối năm {y}', Q: 'Quý {r}/{y}', Y: 'Năm {y}',
    inPeriodH1: 'Trong 6 tháng đầu năm {y}', inPeriodH2: 'Trong 6 tháng cuối năm {y}', inPeriodQ: 'Trong quý {r}/{y}',
    inPeriodY: 'Trong năm {y}',
    shortH: '{h}/{y}', shortQ: 'Q{q}/{y}', shortY: '{y}',
  },
  en: {
    kicker: 'One-stop shop',
    title: 'Administrative procedures: handling results',
    citizenLookup: 'Look up a dossier',
    periodKind: 'Period type', kindH: 'Half-year', kindQ: 'Quarter', kindY: 'Year',
    period: 'Period', unit: 'Unit', csv: 'Download CSV (form 06)',
    received: 'Dossiers received', onTimeOrEarly: 'Early or on time', lateOrOverdue: 'Late or overdue',
    online: 'Online, levels 3 and 4',
    subReceived: 'new {new}, carried over {carried}',
    subOnTime: 'rate {rate}',
    subLate: 'resolved late {late}, pending overdue {overdue}',
    subOnline: '{rate} of new dossiers · level 3: {l3} · level 4: {l4}',
    summaryTitle: 'Summary',
    summary: '{period}, {unit} received {received} dossiers ({carried} carried over from the previous period); '
      + '{onTime} were resolved early or on time, a rate of {onTimeRate}; {late} were late or overdue. '
      + 'Online dossiers (levels 3 and 4): {online}, {onlineRate} of new dossiers. '
      + '{pending} are still pending, {withdrawn} were withdrawn.',
    chartOutcome: 'Outcome', chartChannels: 'Channels and online levels', chartTrend: 'Trend over recent periods',
    outEarly: 'Early', outOnTime: 'On time', outLate: 'Resolved late', outWithin: 'Pending, within deadline',
    outOverdue: 'Pending, overdue', outWithdrawn: 'Withdrawn',
    chDirect: 'Counter and post', chL3: 'Online level 3 (partial)', chL4: 'Online level 4 (full)',
    chCarried: 'Carried over', dossiers: 'Dossiers',
    trendReceived: 'Dossiers received', trendRate: 'Early or on-time rate', trendNoData: 'no data',
    form06Title: 'Form 06/VPCP/KSTT — handling of administrative procedures', form06Unit: 'Unit of count: dossiers',
    by: 'Break down by', byUnit: 'Unit', byField: 'Field', byProcedure: 'Procedure',
    byReceivingUnit: 'Receiving counter',
    cutoff: 'Periods', cutoffCalendar: 'Calendar months', cutoff15: 'From the 15th of the month before',
    indicatorsTitle: 'Decision 766/QĐ-TTg indicators',
    indOnTime: 'Handled on time', indOnTimeNote: '(early + on time + pending within) / handled in the period',
    indOnline: 'Received online', indOnlineNote: 'online / newly received',
    indHandling: 'Average handling time', indHandlingNote: '{days} working days · {n} dossiers resolved',
    indElectronic: 'Results delivered electronically', indElectronicNote: '{e} / {known} resolved with a stated delivery',
    indByProcedure: 'Average handling time by procedure (working days)', indNone: 'no dossiers yet',
    f06ByField: 'Field', f06ByProcedure: 'Procedure', f06ByReceivingUnit: 'Receiving counter', f06Sum: 'Total',
    f06No: 'No.', f06Unit: 'Unit', f06Received: 'Dossiers to handle', f06Resolved: 'Resolved',
    f06Pending: 'Pending', f06Withdrawn: 'Withdrawn', f06Total: 'Total',
    f06NewOnline: 'New, online', f06NewDirect: 'New, counter and post', f06Carried: 'Carried over',
    f06Early: 'Early', f06OnTime: 'On time', f06Late: 'Late', f06Within: 'Within deadline', f06Overdue: 'Overdue',
    form06Note: 'Column (14) is added by the system: (3) = (7) + (11) + (14).',
    alertsTitle: 'Live alerts', alertOverdue: 'Overdue', alertDueSoon: 'Due soon',
    alertsEmpty: 'No overdue or due-soon dossiers.',
    'deadline.overdue': 'Overdue', 'deadline.due-soon': 'Due soon', 'deadline.appointment-missed': 'Appointment missed',
    dueProvisional: '(provisional)',
    dueProvisionalTitle: 'provisional due date: the year\'s official schedule of days off is not out yet',
    alertDue: 'due {due}', statusConnecting: 'Connecting…', statusLive: 'Live', statusDown: 'Disconnected, retrying…',
    statusOff: 'No alerts address',
    statusLogin: 'Sign-in needed', statusForbidden: 'Not allowed',
    alertsLogin: 'Sign in to see alerts', alertsLogout: 'Sign out',
    alertsForbidden: 'The signed-in account may not see this unit\'s alerts. Pick your own unit or sign in with another account.',
    allUnits: 'All units', loading: 'Loading…',
    errorReport: 'Could not load the report', errorNetwork: 'The server cannot be reached.',
    asOf: 'Figures as of {time}.', rangeLine: 'From {from} to {to}',
    footer: 'Figures per Circular 01/2020/TT-VPCP, form 06/VPCP/KSTT.',
    H1: 'First half of {y}', H2: 'Second half of {y}', Q: 'Q{q} {y}', Y: 'Year {y}',
    inPeriodH1: 'In the first half of {y}', inPeriodH2: 'In the second half of {y}', inPeriodQ: 'In Q{q} {y}',
    inPeriodY: 'In {y}',
    shortH: '{h} {y}', shortQ: 'Q{q} {y}', shortY: '{y}',
  },
};

export const LANGS = ['vi', 'en'];

let current = 'vi';

export function setLang(lang) {
  current = LANGS.includes(lang) ? lang : 'vi';
  document.documentElement.lang = current;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  return current;
}

export function lang() {
  return current;
}

/** The label of key in the current language (Vietnamese when English lacks it), with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = DICT[current][key] ?? DICT.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}
