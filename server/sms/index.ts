// The platform's SMS: queue a message in the transaction that decides it (queueSms), its
// text per kind (smsText), the providers that send it and the choice among them.
export { queueSms, SMS_SEND_JOB, type QueueSmsArgs } from './send';
export { smsText, SMS_SIGN, SMS_PARAM_NAMES, type SmsParams, type SmsParamsByKind, type SmsPlanAnswer } from './texts';
export { SmsSendError, outboxProvider, type SmsProvider, type SmsToSend } from './provider';
export { isOutboxInUse, smsProvider, smsSetup, SMS_NOT_CONFIGURED, templateVariable } from './config';
