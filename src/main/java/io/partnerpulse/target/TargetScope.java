package io.partnerpulse.target;

/** Whom a target is set for. */
public enum TargetScope {
    PROGRAM, PARTNER, EMPLOYEE, DEPARTMENT, UNIT
}
