/**
 * The demo data: five strategies with two backtests each, loaded when the application starts on an empty database.
 */
package io.tiercache.backtest.data;
