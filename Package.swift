// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Balise",
    products: [
        .library(name: "Balise", targets: ["Balise"]),
        .executable(name: "balise", targets: ["balise"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        .target(
            name: "Balise",
            dependencies: ["CICU"]
        ),
        .executableTarget(
            name: "balise",
            dependencies: [
                "Balise",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BaliseTests",
            dependencies: ["Balise"]
        ),
    ]
)
