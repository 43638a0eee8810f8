// swift-tools-version:5.9
import PackageDescription
let package = Package(
    name: "SampleShopKit",
    dependencies: [
        .package(url: "https://github.com/getsentry/sentry-cocoa.git", from: "8.0.0"),
        .package(url: "https://github.com/firebase/firebase-ios-sdk", from: "10.20.0"),
    ],
    targets: [
        .target(name: "SampleShopKit", dependencies: [
            .product(name: "FirebaseAnalytics", package: "firebase-ios-sdk"),
            .product(name: "Sentry", package: "sentry-cocoa"),
        ]),
    ]
)
