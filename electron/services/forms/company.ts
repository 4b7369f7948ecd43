/** The company as printed on its forms and letters (addressee and mailing address). */
export interface CompanyInfo {
  name: string;
  /** Full postal address including 〒 code, e.g. 〒169-0051 東京都新宿区… */
  address: string;
  /** The desk applications go to, e.g. 個人情報保護管理者. */
  contactPoint: string;
}
