package io.policyengine.model;

/** Where the service is needed; sets the response and on-site promises (S3, S4). */
public enum Region { CITY, SUBURB }
