// The spreadsheets a creditor uploads: their columns, checked by the server and shown on the upload form.

/**
 * The case import format (DESIGN §6): the required and optional columns by Chinese header
 * and English alias; contacts 1–5 follow as 联系人n姓名 / 联系人n关系 / 联系人n电话.
 */
export const CASE_IMPORT_COLUMNS = [
  { field: 'contractNo', zh: '合同编号', alias: 'contract_no', required: true },
  { field: 'debtorName', zh: '借款人姓名', alias: 'debtor_name', required: true },
  { field: 'idNumber', zh: '身份证号', alias: 'id_number', required: true },
  { field: 'phone', zh: '手机号', alias: 'phone', required: true },
  { field: 'loanAmount', zh: '放款金额', alias: 'loan_amount', required: true },
  { field: 'principalOutstanding', zh: '剩余本金', alias: 'principal_outstanding', required: true },
  { field: 'amountOverdue', zh: '逾期本息合计', alias: 'amount_overdue', required: true },
  { field: 'daysOverdue', zh: '逾期天数', alias: 'days_overdue', required: true },
  { field: 'loanDate', zh: '放款日期', alias: 'loan_date', required: false },
  { field: 'product', zh: '产品类型', alias: 'product', required: false },
  { field: 'province', zh: '省份', alias: 'province', required: false },
  { field: 'city', zh: '城市', alias: 'city', required: false },
  { field: 'address', zh: '地址', alias: 'address', required: false },
  // The contact window follows the debtor's local time: Asia/Shanghai unless the case says otherwise.
  { field: 'timeZone', zh: '时区', alias: 'time_zone', required: false },
] as const;
export const MAX_CASE_CONTACTS = 5;

// The creditor's repayment file (its loan system's export): each row is matched to an
// agency's report by contract number, amount and day, or recorded as a direct payment.
// A row names its case by contract number or by the case's reference code (还款识别码, the
// one the debtor's page shows), in its own column or inside the transfer's remark (附言) or
// the note: one of the two is needed, and when both are there they must name the same case.
export const REPAYMENT_IMPORT_COLUMNS = [
  { field: 'contractNo', zh: '合同编号', alias: 'contract_no', required: false },
  { field: 'amount', zh: '还款金额', alias: 'amount', required: true },
  { field: 'paidOn', zh: '还款日期', alias: 'paid_on', required: true },
  { field: 'reference', zh: '交易流水号', alias: 'reference', required: false },
  { field: 'channel', zh: '还款渠道', alias: 'channel', required: false },
  { field: 'payer', zh: '付款人', alias: 'payer', required: false },
  { field: 'note', zh: '备注', alias: 'note', required: false },
  { field: 'paymentRef', zh: '还款识别码', alias: 'payment_ref', required: false },
  { field: 'remark', zh: '附言', alias: 'remark', required: false },
] as const;
/** A repayment file is read whole before it is matched: larger files are split by month. */
export const MAX_REPAYMENT_IMPORT_ROWS = 100_000;

// The creditor's update file (失联修复): changes to cases already imported, by contract
// number. Every column but the contract number is optional; a row changes what it fills in.
export const CASE_UPDATE_COLUMNS = [
  { field: 'contractNo', zh: '合同编号', alias: 'contract_no', required: true },
  { field: 'principalOutstanding', zh: '剩余本金', alias: 'principal_outstanding', required: false },
  { field: 'amountOverdue', zh: '逾期本息合计', alias: 'amount_overdue', required: false },
  { field: 'phone', zh: '新增手机号', alias: 'new_phone', required: false },
  { field: 'retirePhone', zh: '停用号码', alias: 'retired_phone', required: false },
  { field: 'address', zh: '地址', alias: 'address', required: false },
] as const;
/** Contacts an update row may add: 联系人n姓名 / 联系人n关系 / 联系人n电话. */
export const MAX_UPDATE_CONTACTS = 3;
/** An update file is read whole before it lands. */
export const MAX_CASE_UPDATE_ROWS = 100_000;
