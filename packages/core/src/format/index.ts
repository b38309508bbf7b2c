export * from "./network-file.js";
// locating a JSON pointer in a file's text is internal (@tiegraph/core/internal)
export { COLUMNS_STAMP_LENGTH, COLUMNS_STAMP_OFFSET, columnsSource, columnsStamp, columnsStampBytes, copiedPeopleText, copiedRecords, copiedRecordsEnd, encodeNetworkColumns, encodeNetworkColumnsParts, decodeNetworkColumns, setColumnsSource, setColumnsStamp, type CopiedRecords } from "./network-columns.js";
export { MAX_TEXT_LENGTH, parseNetworkBytes, SLICED_FROM_BYTES, type ParseNetworkBytesOptions } from "./network-bytes.js";
