/**
 * Small value types every module may use: seasons and hemispheres, periods.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.partnerpulse.shared;
